using System.Security.Cryptography;
using System.Text;
using DanY.Domain.Labelling;
using DanY.Domain.Monitoring;
using DanY.Engine.Classification;
using DanY.Engine.Text;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Labelling;

/// <summary>One sentence of a situation report's part: what staff label in a report.</summary>
public sealed record ReportItem(int ReportId, string UnitName, string Part, string PartLabel, string Key, string Text)
{
    /// <summary>Form key of the item: report id and item key.</summary>
    public string FormKey => ReportId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + Key;
}

public sealed record ReportItemRow(ReportItem Item, string? Label, LabelSource? Source, string? Suggestion, double? Confidence);

/// <summary>
/// Labels and classifies the concerns of situation reports with the same label sets and models as
/// comments. A report's items are the sentences of its parts; a compiled report is labelled through the
/// reports it was compiled from (its own lines are those sentences gathered). Suggestions are computed
/// with the set's current model when asked (a period holds hundreds of sentences, not millions).
/// </summary>
public sealed class ReportItemLabelling(DanYDbContext db, LabellingService labelling)
{
    /// <summary>The parts of a report in the order of the form, with stable keys.</summary>
    public static IEnumerable<(string Part, string Label, string Text)> Parts(SituationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        yield return ("general", MonitoringLabels.GeneralSituation, content.GeneralSituation);
        yield return ("moods", MonitoringLabels.MoodsOverall, content.MoodsOverall);
        foreach (var group in Enum.GetValues<SocialGroup>())
        {
            if (content.GroupMoods.TryGetValue(group, out var text)) yield return ("group-" + group, MonitoringLabels.Of(group), text);
        }
        yield return ("opinion", MonitoringLabels.PublicOpinion, content.PublicOpinion);
        yield return ("complicated", MonitoringLabels.ComplicatedCases, content.ComplicatedCases);
        yield return ("handling", MonitoringLabels.HandlingResults, content.HandlingResults);
        yield return ("forecast", MonitoringLabels.Forecast, content.ForecastAndRecommendations);
    }

    /// <summary>The sentences of a report, each once per part, keyed by part and a hash of the normalised sentence.</summary>
    public static IReadOnlyList<ReportItem> ItemsOf(SituationReport report, string unitName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var items = new List<ReportItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (part, label, text) in Parts(report.Content))
        {
            foreach (var sentence in SentenceGatherer.Sentences(text))
            {
                string normal = VietnameseText.Normalize(sentence);
                string key = part + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)))[..16];
                if (seen.Add(key)) items.Add(new ReportItem(report.Id, unitName, part, label, key, normal));
            }
        }
        return items;
    }

    /// <summary>The reports whose sentences stand for this one: the children's sent reports for a compiled report, else the report itself.</summary>
    public async Task<IReadOnlyList<SituationReport>> SourcesAsync(SituationReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.IsCompiled)
        {
            return await db.SituationReports.AsNoTracking().Include(r => r.Unit).Where(r => r.Id == report.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        return await db.SituationReports.AsNoTracking().Include(r => r.Unit)
            .Where(r => r.PeriodId == report.PeriodId && !r.IsCompiled && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted))
            .OrderBy(r => r.Unit!.Name).ThenBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReportItem>> ItemsAsync(SituationReport report, CancellationToken cancellationToken = default) =>
        (await SourcesAsync(report, cancellationToken).ConfigureAwait(false)).SelectMany(r => ItemsOf(r, r.Unit?.Name ?? "")).ToList();

    /// <summary>Every item with its staff label and the current model's suggestion.</summary>
    public async Task<IReadOnlyList<ReportItemRow>> RowsAsync(LabelSet set, SituationReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var items = await ItemsAsync(report, cancellationToken).ConfigureAwait(false);
        var reportIds = items.Select(i => i.ReportId).Distinct().ToList();
        var labels = (await db.ReportItemLabels.AsNoTracking().Where(l => l.LabelSetId == set.Id && reportIds.Contains(l.ReportId))
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(l => (l.ReportId, l.ItemKey));
        var predictions = await PredictAsync(set, items.Select(i => i.Text).ToList(), cancellationToken).ConfigureAwait(false);
        return items.Select((item, i) =>
        {
            var l = labels.GetValueOrDefault((item.ReportId, item.Key));
            if (predictions is null) return new ReportItemRow(item, l?.Label, l?.Source, null, null);
            var p = predictions[i];
            return new ReportItemRow(item, l?.Label, l?.Source, p.Label, Math.Round(p.Confidence, 4));
        }).ToList();
    }

    private async Task<IReadOnlyList<ClassPrediction>?> PredictAsync(LabelSet set, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0) return [];
        var model = await labelling.CurrentModelAsync(set.Id, cancellationToken).ConfigureAwait(false);
        if (model is null) return null;
        using var stream = new MemoryStream(model.ModelBytes);
        var classifier = TextClassifier.Load(stream);
        return classifier.PredictMany(texts, cancellationToken: cancellationToken);
    }

    /// <summary>Sets, changes or (empty value) removes staff labels, keyed by <see cref="ReportItem.FormKey"/>. Unknown items or labels change nothing.</summary>
    public async Task<int> SetLabelsAsync(LabelSet set, SituationReport report, IReadOnlyDictionary<string, string?> labels, string userId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0) return 0;
        if (labels.Values.Any(l => !string.IsNullOrEmpty(l) && !set.HasLabel(l)))
            throw new LabellingException("Nhãn không thuộc bộ nhãn này / the label is not in this label set.");
        var items = (await ItemsAsync(report, cancellationToken).ConfigureAwait(false)).ToDictionary(i => i.FormKey, StringComparer.Ordinal);
        if (labels.Keys.Any(k => !items.ContainsKey(k)))
            throw new LabellingException("Có ý không thuộc báo cáo này (báo cáo vừa được sửa?) / some items are not in this report (was it edited?).");
        var reportIds = items.Values.Select(i => i.ReportId).Distinct().ToList();
        var existing = (await db.ReportItemLabels.Where(l => l.LabelSetId == set.Id && reportIds.Contains(l.ReportId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(l => (l.ReportId, l.ItemKey));
        var now = DateTimeOffset.UtcNow;
        int changed = 0;
        foreach (var (formKey, label) in labels)
        {
            var item = items[formKey];
            var current = existing.GetValueOrDefault((item.ReportId, item.Key));
            if (string.IsNullOrEmpty(label))
            {
                if (current is null) continue;
                db.ReportItemLabels.Remove(current);
            }
            else if (current is null)
            {
                db.ReportItemLabels.Add(new ReportItemLabel(set.Id, item.ReportId, item.Key, item.Text, label, LabelSource.Staff, userId, now));
            }
            else if (!string.Equals(current.Label, label, StringComparison.Ordinal))
            {
                current.Relabel(label, userId, now);
            }
            else
            {
                continue;
            }
            changed++;
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>Turns the current model's suggestions at or above the threshold into labels, for unlabelled items only.</summary>
    public async Task<int> AcceptAboveAsync(LabelSet set, SituationReport report, double threshold, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (double.IsNaN(threshold) || threshold < 0 || threshold > 1)
            throw new LabellingException("Ngưỡng tin cậy phải từ 0 đến 1 / the confidence threshold must be between 0 and 1.");
        var rows = await RowsAsync(set, report, cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        int accepted = 0;
        foreach (var r in rows.Where(r => r.Label is null && r.Suggestion is not null && r.Confidence >= threshold && set.HasLabel(r.Suggestion)))
        {
            db.ReportItemLabels.Add(new ReportItemLabel(set.Id, r.Item.ReportId, r.Item.Key, r.Item.Text, r.Suggestion!, LabelSource.AcceptedSuggestion, userId, now));
            accepted++;
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return accepted;
    }

    /// <summary>Per label: staff labels, accepted suggestions and suggestions on unlabelled items, over the report's items.</summary>
    public static IReadOnlyList<LabelCount> Counts(LabelSet set, IReadOnlyList<ReportItemRow> rows)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(rows);
        return set.LabelList.Select(label => new LabelCount(label,
            rows.Count(r => r.Label == label && r.Source == LabelSource.Staff),
            rows.Count(r => r.Label == label && r.Source == LabelSource.AcceptedSuggestion),
            rows.Count(r => r.Label is null && r.Suggestion == label))).ToList();
    }
}
