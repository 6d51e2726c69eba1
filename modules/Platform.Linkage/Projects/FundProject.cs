using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Linkage.Projects;

/// <summary>A community fund project as its stream left it: stage, documents, the records its rules read.</summary>
internal sealed class FundProject
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public int Year { get; set; }
    public string FundType { get; set; } = "";
    public string Category { get; set; } = "";
    public decimal AmountWan { get; set; }
    public string CommunityCode { get; set; } = "";
    public string CommunityName { get; set; } = "";
    public Guid? PartnerId { get; set; }
    public string? PartnerName { get; set; }
    public string? Stage { get; set; }
    public List<ProjectStageEntered> Stages { get; set; } = [];
    public List<ProjectDocumentAttached> Documents { get; set; } = [];
    public MeetingRecorded? Meeting { get; set; }
    public NoticePosted? Notice { get; set; }
    public ReviewRecorded? Review { get; set; }
    public IncentiveApplied? Application { get; set; }
    public IncentiveDecided? Decision { get; set; }
    public List<ProgressReported> Progress { get; set; } = [];
    public ResultRecorded? Result { get; set; }
    public List<SupervisionChecked> Checks { get; set; } = [];
    public long Version { get; set; }

    public bool HasDocument(string stage, string kind) => Documents.Any(d => d.Stage == stage && d.Kind == kind);
}

internal sealed class FundProjectProjection : SingleStreamProjection<FundProject, Guid>
{
    public FundProjectProjection()
    {
        IncludeType<FundProjectRegistered>();
        IncludeType<ProjectDocumentAttached>();
        IncludeType<MeetingRecorded>();
        IncludeType<NoticePosted>();
        IncludeType<ReviewRecorded>();
        IncludeType<ProjectStageEntered>();
        IncludeType<IncentiveApplied>();
        IncludeType<IncentiveDecided>();
        IncludeType<ProgressReported>();
        IncludeType<ResultRecorded>();
        IncludeType<SupervisionChecked>();
    }

    public override FundProject Evolve(FundProject? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not FundProjectRegistered)
            return null!;
        var p = snapshot ?? new FundProject { Id = id };
        switch (e.Data)
        {
            case FundProjectRegistered x:
                (p.Title, p.Year, p.FundType, p.Category, p.AmountWan) = (x.Title, x.Year, x.FundType, x.Category, x.AmountWan);
                (p.CommunityCode, p.CommunityName, p.PartnerId, p.PartnerName) = (x.CommunityCode, x.CommunityName, x.PartnerId, x.PartnerName);
                break;
            case ProjectDocumentAttached x:
                p.Documents.Add(x);
                break;
            case MeetingRecorded x:
                p.Meeting = x;
                break;
            case NoticePosted x:
                p.Notice = x;
                break;
            case ReviewRecorded x:
                p.Review = x;
                break;
            case ProjectStageEntered x:
                p.Stage = x.Stage;
                p.Stages.Add(x);
                break;
            case IncentiveApplied x:
                p.Application = x;
                break;
            case IncentiveDecided x:
                p.Decision = x;
                break;
            case ProgressReported x:
                p.Progress.Add(x);
                break;
            case ResultRecorded x:
                p.Result = x;
                break;
            case SupervisionChecked x:
                p.Checks.Add(x);
                break;
        }
        p.Version = e.Version;
        return p;
    }
}
