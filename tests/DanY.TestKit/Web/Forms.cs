namespace DanY.TestKit.Web;

/// <summary>Posting Razor forms the way a browser does: GET the page for its antiforgery token, then POST.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string action, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        string token = await DanYApp.AntiforgeryTokenAsync(client, formPage);
        var all = new Dictionary<string, string>(fields, StringComparer.Ordinal) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    /// <summary>Uploads a file to a multipart form (with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string formPage, string action, string fieldName, string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(client);
        string token = await DanYApp.AntiforgeryTokenAsync(client, formPage);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), fieldName, fileName },
        };
        return await client.PostAsync(action, form);
    }
}
