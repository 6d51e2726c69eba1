namespace Platform.Linkage.Titles;

/// <summary>A visit of a title application's procedure: 预检, 互促互评 or 命名.</summary>
public sealed record TitleVisitDto(string Stage, DateOnly On, string VisitingBody, string? Note);

/// <summary>An application for a demonstration title (双示范) and the stage it has reached.</summary>
public sealed record TitleApplicationDto(Guid Id, string Title, string ApplicantUnit, int Year, DateOnly AppliedOn, string Stage, string StageZh, IReadOnlyList<TitleVisitDto> Visits);
