using DanY.Domain.Synthesis;
using DanY.Infrastructure.Dashboards;

namespace DanY.Infrastructure.Synthesis;

/// <summary>The dashboard's "children's submission status" part, read from the roll-up: the same statuses as the roll-up pages.</summary>
internal sealed class RollupSubmissionStatusSource(RollupService rollup) : IChildSubmissionStatusSource
{
    public async Task<IReadOnlyList<ChildSubmissionStatus>> ChildrenAsync(int consultationId, int unitId, CancellationToken cancellationToken = default)
    {
        var consultation = await rollup.ConsultationAsync(consultationId, cancellationToken).ConfigureAwait(false);
        var hierarchy = await rollup.HierarchyAsync(consultation, cancellationToken).ConfigureAwait(false);
        // A unit outside the roll-up (a board, a youth union) has no children submitting to it.
        if (hierarchy.Find(unitId) is not { } unit) return [];
        var due = await rollup.DueAtAsync(consultation, cancellationToken).ConfigureAwait(false);
        var children = await rollup.ChildrenAsync(consultationId, hierarchy, unit, due, cancellationToken).ConfigureAwait(false);
        return children
            .Select(c => new ChildSubmissionStatus(c.Unit.Id, c.Unit.Name, SubmissionStates.Label(c.State), c.Submission?.SubmittedAt, c.State == SubmissionState.Late))
            .ToList();
    }
}
