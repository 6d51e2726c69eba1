using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;

namespace Platform.Linkage.Pools;

/// <summary><c>/api/linkage/organisations</c>, <c>/api/linkage/social-workers</c>, <c>/api/linkage/centres</c>. Staff only: contacts and names are personal data.</summary>
internal static class PoolEndpoints
{
    public sealed record OrganisationBody(string? Name, string? Status, string[]? Fields, string? CommunityCode, ContactPerson[]? Contacts);
    public sealed record WorkerBody(string? Name, string? Level, string[]? Skills, Guid? OrganisationId, bool? Available, string? Phone);
    public sealed record CentreBody(string? Name, string? CommunityCode, DateOnly? On, Guid[]? StaffIds);
    public sealed record IncubateBody(string? Name, string? CommunityCode, Guid? OrganisationId, int? Year);

    public static void MapPoolEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/linkage").RequireAuthorization(PlatformPolicies.Staff).WithTags("linkage");
        staff.MapGet("/organisations", async (string? q, string? status, string? field, string? community, IQuerySession session, CancellationToken ct) =>
            (await session.Query<SocialOrganisation>().ToListAsync(ct))
                .Where(o => (status is null || o.Status == status) && (community is null || o.CommunityCode == community)
                            && (field is null || o.Fields.Any(f => f.Contains(field, StringComparison.Ordinal)))
                            && (q is null || o.Name.Contains(q, StringComparison.Ordinal) || o.Fields.Any(f => f.Contains(q, StringComparison.Ordinal))))
                .OrderBy(o => o.Name, StringComparer.Ordinal)
                .Select(o => new OrganisationDto(o.Id, o.Name, o.Status, PoolCodes.OrganisationStatuses[o.Status], o.Fields, o.CommunityCode, o.CommunityName,
                    o.Contacts.Select(c => new ContactDto(c.Name, c.Phone, c.Role)).ToList())).ToList())
            .Produces<List<OrganisationDto>>().WithName("LinkageOrganisations");
        staff.MapGet("/social-workers", async (string? q, string? level, bool? available, Guid? organisation, IQuerySession session, CancellationToken ct) =>
            (await session.Query<SocialWorker>().ToListAsync(ct))
                .Where(w => (level is null || w.Level == level) && (available is null || w.Available == available) && (organisation is null || w.OrganisationId == organisation)
                            && (q is null || w.Name.Contains(q, StringComparison.Ordinal) || w.Skills.Any(s => s.Contains(q, StringComparison.Ordinal))))
                .OrderBy(w => w.Name, StringComparer.Ordinal)
                .Select(w => new SocialWorkerDto(w.Id, w.Name, w.Level, PoolCodes.CertificateLevels[w.Level], w.Skills, w.OrganisationId, w.OrganisationName, w.Available, w.Phone)).ToList())
            .Produces<List<SocialWorkerDto>>().WithName("LinkageSocialWorkers");
        staff.MapGet("/centres", async (IQuerySession session, CancellationToken ct) =>
            (await session.Query<GuidanceCentre>().ToListAsync(ct)).Select(c => new CentreDto(c.Id, c.Name, c.CommunityCode, c.CommunityName, c.EstablishedOn, c.StaffIds,
                c.Incubated.Select(i => new IncubatedProjectDto(i.ProjectId, i.Name, i.CommunityCode, i.CommunityName, i.OrganisationId, i.Year)).ToList())).ToList())
            .Produces<List<CentreDto>>().WithName("LinkageCentres");

        var edit = staff.MapGroup("").RequireAuthorization(PlatformPolicies.Administer);
        edit.MapPost("/organisations", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<OrganisationBody>(http);
            if (bad is not null)
                return bad;
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<ISocialOrganisationGrain>(id).RegisterAsync(
                new RegisterOrganisation(body!.Name ?? "", body.Status ?? "", body.Fields ?? [], body.CommunityCode, body.Contacts ?? []), http.User.ToCommandContext("登记社会组织", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/linkage/organisations/{id}");
        }).WithRequestBody<OrganisationBody>().ProducesWrite(StatusCodes.Status201Created).WithName("LinkageRegisterOrganisation");
        edit.MapPost("/social-workers", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<WorkerBody>(http);
            if (bad is not null)
                return bad;
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<ISocialWorkerGrain>(id).RegisterAsync(
                new RegisterSocialWorker(body!.Name ?? "", body.Level ?? "", body.Skills ?? [], body.OrganisationId, body.Available ?? true, body.Phone), http.User.ToCommandContext("登记社工", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/linkage/social-workers/{id}");
        }).WithRequestBody<WorkerBody>().ProducesWrite(StatusCodes.Status201Created).WithName("LinkageRegisterSocialWorker");
        edit.MapPost("/centres", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<CentreBody>(http);
            if (bad is not null)
                return bad;
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IGuidanceCentreGrain>(id).EstablishAsync(
                new EstablishCentre(body!.Name ?? "", body.CommunityCode ?? "", body.On ?? DateOnly.FromDateTime(DateTime.Today), body.StaffIds ?? []), http.User.ToCommandContext("建立三社联动指导中心", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/linkage/centres/{id}");
        }).WithRequestBody<CentreBody>().ProducesWrite(StatusCodes.Status201Created).WithName("LinkageEstablishCentre");
        edit.MapPost("/centres/{id:guid}/incubated", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<IncubateBody>(http);
            if (bad is not null)
                return bad;
            if (body!.Year is null)
                return RequestBody.Missing("year", "年度");
            var result = await grains.GetGrain<IGuidanceCentreGrain>(id).IncubateAsync(
                new IncubateProject(Guid.NewGuid(), body.Name ?? "", body.CommunityCode ?? "", body.OrganisationId, body.Year.Value), http.User.ToCommandContext("孵化精品项目", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<IncubateBody>().ProducesWrite().WithName("LinkageIncubate");
    }
}
