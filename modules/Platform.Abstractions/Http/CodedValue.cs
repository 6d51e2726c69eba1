namespace Platform.Abstractions.Http;

/// <summary>One value of a code list (a kind, a category, a status) with its names, as lists of codes answer it. Since SDK 1.5.</summary>
/// <param name="Code">The stable code that requests and records carry.</param>
/// <param name="NameZh">The name in Chinese (zh-CN), the users' language.</param>
/// <param name="NameEn">The name in English.</param>
public sealed record CodedValue(string Code, string NameZh, string NameEn);
