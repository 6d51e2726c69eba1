using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Host.Tests.Security;

/// <summary>
/// Every endpoint of the real host (read from its <see cref="EndpointDataSource"/>, plugins included), called anonymously
/// and as each demo role, answers as the policy table below says: who may call it is written here from what each role
/// is for (DOMAIN.md: administrators change anything, planners read, workers change their community, developers run
/// plugins, residents take part), not read back from the code. An endpoint missing from the table fails the test.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class AuthorizationMatrixTests(PlatformFixture fixture, ITestOutputHelper output)
{
    /// <summary>Who may call an endpoint.</summary>
    public enum Who
    {
        /// <summary>Anyone, signed in or not.</summary>
        Anyone,
        /// <summary>Any signed-in user, residents included.</summary>
        SignedIn,
        /// <summary>Administrators, planners, workers, developers (personal data, reports).</summary>
        Staff,
        /// <summary>Administrators and community workers (each record's community is checked by the write path).</summary>
        Community,
        /// <summary>Administrators, workers and residents: taking part in a scene (registering, claiming, entering).</summary>
        Participate,
        /// <summary>Administrators and module developers: plugins.</summary>
        Plugins,
        /// <summary>Administrators only.</summary>
        Admin,
    }

    private static readonly string[] Identities = ["anonymous", "admin", "planner", "worker", "developer", "resident"];

    private static readonly IReadOnlyDictionary<Who, string[]> Allowed = new Dictionary<Who, string[]>
    {
        [Who.Anyone] = Identities,
        [Who.SignedIn] = ["admin", "planner", "worker", "developer", "resident"],
        [Who.Staff] = ["admin", "planner", "worker", "developer"],
        [Who.Community] = ["admin", "worker"],
        [Who.Participate] = ["admin", "worker", "resident"],
        [Who.Plugins] = ["admin", "developer"],
        [Who.Admin] = ["admin"],
    };

    private const string Eco = "/api/scenes/ecological";
    private const string Rounds = Eco + "/gardens/{gardenId:guid}/lottery-rounds";

    /// <summary>
    /// The policy table: "METHOD route pattern" → who may call it. A module that adds an endpoint adds its line here
    /// (the route pattern exactly as mapped, group prefix included; HEAD is covered by its GET).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Who> Policy = new Dictionary<string, Who>
    {
        // Host: sign-in, health, API description, plugins, layers.
        ["POST /api/auth/login"] = Who.Anyone,
        ["POST /api/auth/logout"] = Who.Anyone,
        ["POST /api/auth/refresh"] = Who.Anyone,
        ["GET /api/auth/me"] = Who.SignedIn,
        ["POST /api/auth/password"] = Who.SignedIn,
        // Users and the audit log (issue 21): administrators only.
        ["GET /api/users"] = Who.Admin,
        ["POST /api/users"] = Who.Admin,
        ["PATCH /api/users/{userName}"] = Who.Admin,
        ["POST /api/users/{userName}/disable"] = Who.Admin,
        ["POST /api/users/{userName}/enable"] = Who.Admin,
        ["POST /api/users/{userName}/password"] = Who.Admin,
        ["GET /api/audit"] = Who.Admin,
        ["GET /health"] = Who.Anyone,
        ["GET /openapi/{documentName}.json"] = Who.Anyone,
        ["GET /openapi"] = Who.Anyone,
        ["GET /api/plugins"] = Who.Anyone,
        ["POST /api/plugins/{id}/{action:regex(^(enable|disable)$)}"] = Who.Plugins,
        ["GET /api/layers"] = Who.Anyone,

        // Spatial services: computations that record nothing.
        ["POST /api/spatial/transform"] = Who.Anyone,
        ["POST /api/spatial/validate"] = Who.Anyone,
        ["GET /api/spatial/crs"] = Who.Anyone,

        // Jurisdiction: public boundaries; changes by administrators, and by workers for the grids of their community.
        ["GET /api/jurisdiction/units"] = Who.Anyone,
        ["GET /api/jurisdiction/units/{id:guid}"] = Who.Anyone,
        ["GET /api/jurisdiction/units/{id:guid}/history"] = Who.Staff,
        ["GET /api/jurisdiction/locate"] = Who.Anyone,
        ["GET /api/jurisdiction/statistics"] = Who.Anyone,
        ["GET /api/jurisdiction/gaps"] = Who.Anyone,
        ["POST /api/jurisdiction/units"] = Who.Community,
        ["POST /api/jurisdiction/units/{id:guid}/rename"] = Who.Community,
        ["POST /api/jurisdiction/units/{id:guid}/convert-to-community"] = Who.Community,
        ["POST /api/jurisdiction/merges"] = Who.Community,
        ["POST /api/jurisdiction/transfers"] = Who.Community,
        ["POST /api/jurisdiction/group-merges"] = Who.Community,
        ["POST /api/jurisdiction/delegations"] = Who.Admin,
        ["POST /api/jurisdiction/decision-documents"] = Who.Community,
        ["GET /api/jurisdiction/decision-documents/{id:guid}"] = Who.Staff,

        // Registers: public map data; sites, zones, hubs, base features and imports are the administrators'; compounds and facilities the community's.
        ["GET /api/sites"] = Who.Anyone,
        ["GET /api/sites/{id:guid}"] = Who.Anyone,
        ["GET /api/sites/{id:guid}/history"] = Who.Staff,
        ["POST /api/sites"] = Who.Admin,
        ["POST /api/sites/{id:guid}/status"] = Who.Admin,
        ["PUT /api/sites/{id:guid}/geometry"] = Who.Admin,
        ["PUT /api/sites/{id:guid}"] = Who.Admin,
        ["GET /api/compounds"] = Who.Anyone,
        ["GET /api/compounds/kinds"] = Who.Anyone,
        ["GET /api/compounds/{id:guid}"] = Who.Anyone,
        ["GET /api/compounds/{id:guid}/history"] = Who.Staff,
        ["POST /api/compounds"] = Who.Community,
        ["POST /api/compounds/{id:guid}/buildings"] = Who.Community,
        ["PATCH /api/compounds/{id:guid}"] = Who.Admin,
        ["PUT /api/compounds/{id:guid}/geometry"] = Who.Admin,
        ["POST /api/compounds/{id:guid}/retire"] = Who.Admin,
        ["GET /api/facilities/categories"] = Who.Anyone,
        ["GET /api/facilities"] = Who.Anyone,
        ["GET /api/facilities/{id:guid}/history"] = Who.Staff,
        ["POST /api/facilities"] = Who.Community,
        ["POST /api/facilities/{id:guid}/close"] = Who.Community,
        ["GET /api/facilities/{id:guid}"] = Who.Anyone,
        ["PATCH /api/facilities/{id:guid}"] = Who.Admin,
        ["PUT /api/facilities/{id:guid}/geometry"] = Who.Admin,
        ["POST /api/facilities/{id:guid}/retire"] = Who.Admin,
        ["GET /api/service-hubs"] = Who.Anyone,
        ["POST /api/service-hubs"] = Who.Admin,
        ["GET /api/service-hubs/{id:guid}"] = Who.Anyone,
        ["GET /api/service-hubs/{id:guid}/history"] = Who.Staff,
        ["PATCH /api/service-hubs/{id:guid}"] = Who.Admin,
        ["PUT /api/service-hubs/{id:guid}/geometry"] = Who.Admin,
        ["POST /api/service-hubs/{id:guid}/retire"] = Who.Admin,
        ["GET /api/planning-zones"] = Who.Anyone,
        ["POST /api/planning-zones"] = Who.Admin,
        ["GET /api/planning-zones/{id:guid}"] = Who.Anyone,
        ["GET /api/planning-zones/{id:guid}/history"] = Who.Staff,
        ["PATCH /api/planning-zones/{id:guid}"] = Who.Admin,
        ["PUT /api/planning-zones/{id:guid}/geometry"] = Who.Admin,
        ["POST /api/planning-zones/{id:guid}/retire"] = Who.Admin,
        ["GET /api/base-features"] = Who.Anyone,
        ["POST /api/base-features"] = Who.Admin,
        ["GET /api/base-features/{id:guid}"] = Who.Anyone,
        ["GET /api/base-features/{id:guid}/history"] = Who.Staff,
        ["PATCH /api/base-features/{id:guid}"] = Who.Admin,
        ["PUT /api/base-features/{id:guid}/geometry"] = Who.Admin,
        ["POST /api/base-features/{id:guid}/retire"] = Who.Admin,
        ["POST /api/imports/{register}"] = Who.Admin,

        // Reports and their templates: staff read; administrators change templates.
        ["GET /api/reports/annual"] = Who.Staff,
        ["GET /api/reports/overview"] = Who.Staff,
        ["GET /api/reports/community/{code}"] = Who.Staff,
        ["GET /api/reports/templates"] = Who.Staff,
        ["GET /api/reports/templates/{name}"] = Who.Staff,
        ["GET /api/reports/templates/{name}/history"] = Who.Admin,
        ["PUT /api/reports/templates/{name}"] = Who.Admin,
        ["POST /api/reports/templates/{name}/preview"] = Who.Admin,
        ["POST /api/reports/templates/{name}/revert/{version:long}"] = Who.Admin,

        // Maps, tiles, OGC API and the web map: public.
        ["GET /api/maps/style.json"] = Who.Anyone,
        ["GET /ogc/styles/web-map/style.json"] = Who.Anyone,
        ["GET /ogc/styles"] = Who.Anyone,
        ["GET /api/maps/fonts/{fontstack}/{range}.pbf"] = Who.Anyone,
        ["GET /api/maps/presets"] = Who.Anyone,
        ["GET /api/maps/print"] = Who.Anyone,
        ["GET /api/maps/statistics"] = Who.Anyone,
        ["GET /api/maps/search"] = Who.Anyone,
        ["GET /api/maps/export"] = Who.Anyone,
        ["GET /ogc/tileMatrixSets"] = Who.Anyone,
        ["GET /ogc/tileMatrixSets/{tileMatrixSetId}"] = Who.Anyone,
        ["GET /ogc/tiles"] = Who.Anyone,
        ["GET /ogc/tiles/{tileMatrixSetId}"] = Who.Anyone,
        ["GET /ogc/tiles/{tileMatrixSetId}/tilejson"] = Who.Anyone,
        ["GET /ogc/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}"] = Who.Anyone,
        ["GET /ogc/collections/{collectionId}/tiles"] = Who.Anyone,
        ["GET /ogc/collections/{collectionId}/tiles/{tileMatrixSetId}"] = Who.Anyone,
        ["GET /ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/tilejson"] = Who.Anyone,
        ["GET /ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}"] = Who.Anyone,
        ["GET /tiles/{layer}/{z:int}/{x:int}/{y:int}.mvt"] = Who.Anyone,
        ["GET /tiles/{layer}.json"] = Who.Anyone,
        ["GET /ogc"] = Who.Anyone,
        ["GET /ogc/api"] = Who.Anyone,
        ["GET /ogc/conformance"] = Who.Anyone,
        ["GET /ogc/collections"] = Who.Anyone,
        ["GET /ogc/collections/{id}"] = Who.Anyone,
        ["GET /ogc/collections/{id}/queryables"] = Who.Anyone,
        ["GET /ogc/collections/{id}/items"] = Who.Anyone,
        ["GET /ogc/collections/{id}/items/{featureId}"] = Who.Anyone,
        ["GET /"] = Who.Anyone,
        ["GET /assets/{*file}"] = Who.Anyone,
        ["GET /panels/{*file}"] = Who.Anyone,

        // Ecological scene (community gardens): gardens are public, households are personal data.
        [$"POST {Rounds}"] = Who.Community,
        [$"GET {Rounds}"] = Who.Anyone,
        [$"GET {Rounds}/{{roundId:guid}}"] = Who.Anyone,
        [$"POST {Rounds}/{{roundId:guid}}/entries"] = Who.Participate,
        [$"POST {Rounds}/{{roundId:guid}}/draw"] = Who.Community,
        [$"GET {Rounds}/{{roundId:guid}}/replay"] = Who.Anyone,
        [$"GET {Eco}/plots/{{plotId:guid}}"] = Who.Anyone,
        [$"POST {Eco}/plots/{{plotId:guid}}/claims"] = Who.Participate,
        [$"POST {Eco}/plots/{{plotId:guid}}/release"] = Who.Participate,
        [$"POST {Eco}/plots/{{plotId:guid}}/offer/accept"] = Who.Participate,
        [$"POST {Eco}/plots/{{plotId:guid}}/offer/decline"] = Who.Participate,
        [$"POST {Eco}/plots/{{plotId:guid}}/renewals"] = Who.Participate,
        [$"POST {Eco}/plots/{{plotId:guid}}/transfer"] = Who.Community,
        [$"POST {Eco}/registrations"] = Who.Participate,
        [$"GET {Eco}/participation-rules"] = Who.SignedIn,
        [$"PUT {Eco}/participation-rules"] = Who.Admin,
        [$"GET {Eco}/registrations"] = Who.Staff,
        [$"GET {Eco}/registrations/mine"] = Who.SignedIn,
        [$"GET {Eco}/registrations/{{householdId:guid}}"] = Who.SignedIn,
        [$"POST {Eco}/gardens"] = Who.Community,
        [$"GET {Eco}/gardens"] = Who.Anyone,
        [$"GET {Eco}/gardens/{{gardenId:guid}}"] = Who.Anyone,
        [$"GET {Eco}/gardens/{{gardenId:guid}}/plots"] = Who.Anyone,
        [$"POST {Eco}/gardens/{{gardenId:guid}}/plots"] = Who.Community,
        [$"POST {Eco}/gardens/{{gardenId:guid}}/seasons"] = Who.Community,
        [$"POST {Eco}/gardens/{{gardenId:guid}}/waiting-list"] = Who.Participate,
        [$"GET {Eco}/gardens/{{gardenId:guid}}/waiting-list"] = Who.Anyone,
        [$"GET {Eco}/gardens/{{gardenId:guid}}/tenancies"] = Who.Staff,
        [$"POST {Eco}/gardens/{{gardenId:guid}}/offers/sweep"] = Who.Community,
        [$"GET {Eco}/statistics"] = Who.Anyone,

        // Sample plugin (off by default): notes by signed-in users.
        ["POST /api/scenes/sample/notes"] = Who.SignedIn,
        ["GET /api/scenes/sample/notes"] = Who.Anyone,
        ["GET /api/scenes/sample/notes/history"] = Who.Staff,

        // Service scene (life circles): the siting computation is expensive, so it needs a signed-in user.
        ["GET /api/scenes/service/coverage"] = Who.Anyone,
        ["GET /api/scenes/service/standard"] = Who.Anyone,
        ["GET /api/scenes/service/standard/history"] = Who.Staff,
        ["PUT /api/scenes/service/standard"] = Who.Admin,
        ["POST /api/scenes/service/siting"] = Who.SignedIn,
        ["GET /api/scenes/service/projects"] = Who.Anyone,
        ["POST /api/scenes/service/projects"] = Who.Community,
        ["POST /api/scenes/service/projects/{id:guid}/status"] = Who.Community,

        // Smart scene (devices).
        ["GET /api/scenes/smart/devices"] = Who.Anyone,
        ["GET /api/scenes/smart/devices/{id:guid}"] = Who.Anyone,
        ["GET /api/scenes/smart/devices/{id:guid}/history"] = Who.Staff,
        ["POST /api/scenes/smart/devices"] = Who.Community,
        ["POST /api/scenes/smart/devices/{id:guid}/status"] = Who.Community,
        // Smart scene (issue 19): devices post with their access token (ThingsBoard's HTTP API, the token in the path, anyone may call);
        // readings, alarms, commands and incidents are staff's; workers act on their community's; tokens and profiles are administrators'.
        ["POST /api/scenes/smart/api/v1/{accessToken}/telemetry"] = Who.Anyone,
        ["POST /api/scenes/smart/api/v1/{accessToken}/attributes"] = Who.Anyone,
        ["GET /api/scenes/smart/telemetry/stats"] = Who.Staff,
        ["POST /api/scenes/smart/devices/{id:guid}/token"] = Who.Admin,
        ["POST /api/scenes/smart/devices/{id:guid}/retire"] = Who.Community,
        ["GET /api/scenes/smart/devices/{id:guid}/latest"] = Who.Staff,
        ["GET /api/scenes/smart/devices/{id:guid}/telemetry"] = Who.Staff,
        ["POST /api/scenes/smart/devices/{id:guid}/commands"] = Who.Community,
        ["GET /api/scenes/smart/devices/{id:guid}/commands"] = Who.Staff,
        ["GET /api/scenes/smart/commands/{id:guid}"] = Who.Staff,
        ["GET /api/scenes/smart/profiles"] = Who.Staff,
        ["POST /api/scenes/smart/profiles"] = Who.Admin,
        ["PUT /api/scenes/smart/profiles/{id:guid}"] = Who.Admin,
        ["GET /api/scenes/smart/alarms"] = Who.Staff,
        ["GET /api/scenes/smart/alarms/{id:guid}"] = Who.Staff,
        ["POST /api/scenes/smart/alarms/{id:guid}/ack"] = Who.Community,
        ["POST /api/scenes/smart/alarms/{id:guid}/clear"] = Who.Community,
        ["POST /api/scenes/smart/alarms/{id:guid}/assign"] = Who.Community,
        ["POST /api/scenes/smart/alarms/{id:guid}/comments"] = Who.Community,
        ["GET /api/scenes/smart/projects"] = Who.Anyone,
        ["POST /api/scenes/smart/projects"] = Who.Community,
        ["POST /api/scenes/smart/projects/{id:guid}/stage"] = Who.Community,
        ["GET /api/scenes/smart/incidents"] = Who.Staff,
        ["GET /api/scenes/smart/incidents/{id:guid}"] = Who.Staff,
        ["POST /api/scenes/smart/incidents"] = Who.Community,
        ["POST /api/scenes/smart/incidents/{id:guid}/dispatch"] = Who.Community,
        ["POST /api/scenes/smart/incidents/{id:guid}/status"] = Who.Community,
        ["GET /api/scenes/smart/live"] = Who.Staff,

        // Vitality scene (groups and activities).
        ["GET /api/scenes/vitality/groups"] = Who.Anyone,
        ["GET /api/scenes/vitality/groups/{id:guid}"] = Who.Anyone,
        ["POST /api/scenes/vitality/groups"] = Who.Community,
        ["GET /api/scenes/vitality/activities"] = Who.Anyone,
        ["GET /api/scenes/vitality/activities/{id:guid}"] = Who.Anyone,
        ["POST /api/scenes/vitality/activities"] = Who.Community,
        ["GET /api/scenes/vitality/groups/{id:guid}/members"] = Who.Staff,
        ["POST /api/scenes/vitality/groups/{id:guid}/stage"] = Who.Community,
        ["POST /api/scenes/vitality/groups/{id:guid}/members"] = Who.Community,
        ["POST /api/scenes/vitality/groups/{id:guid}/members/leave"] = Who.Community,
        ["POST /api/scenes/vitality/groups/{id:guid}/signature"] = Who.Community,
        ["GET /api/scenes/vitality/venues"] = Who.Anyone,
        ["GET /api/scenes/vitality/venues/{id:guid}"] = Who.Anyone,
        ["POST /api/scenes/vitality/venues"] = Who.Community,
        ["POST /api/scenes/vitality/venues/{id:guid}/bookings"] = Who.Community,
        ["POST /api/scenes/vitality/venues/{id:guid}/bookings/{bookingId:guid}/approve"] = Who.Admin,
        ["POST /api/scenes/vitality/venues/{id:guid}/bookings/{bookingId:guid}/cancel"] = Who.Community,
        ["PUT /api/scenes/vitality/venues/{id:guid}/opening-hours"] = Who.Community,
        ["POST /api/scenes/vitality/venues/{id:guid}/photos"] = Who.Community,
        ["GET /api/scenes/vitality/venues/{id:guid}/photos/{photoId:guid}"] = Who.Anyone,
        ["POST /api/scenes/vitality/activities/scheduled"] = Who.Community,
        ["POST /api/scenes/vitality/activities/{id:guid}/signups"] = Who.Participate,
        ["POST /api/scenes/vitality/activities/{id:guid}/signups/cancel"] = Who.Participate,
        ["GET /api/scenes/vitality/activities/mine"] = Who.SignedIn,
        ["GET /api/scenes/vitality/activities/{id:guid}/signups"] = Who.Staff,
        ["POST /api/scenes/vitality/activities/{id:guid}/checkins"] = Who.Participate,
        ["GET /api/scenes/vitality/activities/{id:guid}/checkin"] = Who.Community,
        ["GET /api/scenes/vitality/activities/{id:guid}/checkin.png"] = Who.Community,
        ["GET /api/scenes/vitality/person-times"] = Who.Anyone,
        ["GET /api/scenes/vitality/calendar.ics"] = Who.Anyone,

        // The core modules' web panels and menu entries, and the web map's pages.
        ["GET /api/web"] = Who.Anyone,
        ["GET /{page:regex(^[a-z0-9][a-z0-9-]*$)}.html"] = Who.Anyone,

        // Compound governance (issue 16): complaints are filed by signed-in residents and answered by workers; the lists
        // and figures are public without reporters; inspections, filings and trainings are entered by workers.
        ["GET /api/governance/complaint-categories"] = Who.Anyone,
        ["PUT /api/governance/complaint-categories/{code}"] = Who.Admin,
        ["POST /api/governance/complaint-categories/{code}/retire"] = Who.Admin,
        ["GET /api/governance/response-templates"] = Who.Staff,
        ["PUT /api/governance/response-templates/{id:guid}"] = Who.Admin,
        ["POST /api/governance/response-templates/{id:guid}/retire"] = Who.Admin,
        ["GET /api/governance/complaints"] = Who.Anyone,
        ["GET /api/governance/complaints/{id:guid}"] = Who.Anyone,
        ["GET /api/governance/complaints/{id:guid}/history"] = Who.Staff,
        ["GET /api/governance/complaints/mine"] = Who.SignedIn,
        ["GET /api/governance/complaints/queue"] = Who.Staff,
        ["GET /api/governance/complaints/similar"] = Who.Anyone,
        ["GET /api/governance/complaints/figures"] = Who.Anyone,
        ["POST /api/governance/complaints"] = Who.SignedIn,
        ["POST /api/governance/complaints/{id:guid}/status"] = Who.Community,
        ["POST /api/governance/complaints/{id:guid}/confirm"] = Who.SignedIn,
        ["POST /api/governance/complaints/{id:guid}/reopen"] = Who.SignedIn,
        ["POST /api/governance/complaints/{id:guid}/photos"] = Who.SignedIn,
        ["GET /api/governance/complaints/{id:guid}/photos/{photoId:guid}"] = Who.Anyone,
        ["GET /api/governance/checklists"] = Who.Anyone,
        ["GET /api/governance/inspections"] = Who.Anyone,
        ["GET /api/governance/inspections/overdue"] = Who.Anyone,
        ["GET /api/governance/figures"] = Who.Anyone,
        ["POST /api/governance/inspections"] = Who.Community,
        ["POST /api/governance/inspections/{id:guid}/findings/{findingId:guid}/rectify"] = Who.Community,
        ["POST /api/governance/inspections/{id:guid}/findings/{findingId:guid}/verify"] = Who.Community,
        ["POST /api/governance/inspections/{id:guid}/findings/{findingId:guid}/photos"] = Who.Community,
        ["GET /api/governance/inspections/{id:guid}/findings/{findingId:guid}/photos/{photoId:guid}"] = Who.Anyone,
        ["GET /api/governance/filings"] = Who.Anyone,
        ["POST /api/governance/filings"] = Who.Community,
        ["GET /api/governance/trainings"] = Who.Anyone,
        ["POST /api/governance/trainings"] = Who.Community,
        ["GET /api/governance/property-companies"] = Who.Anyone,
        // Open311: keys are issued by administrators; clients call GeoReport v2 with the key the standard puts in the request.
        ["GET /api/open311/clients"] = Who.Admin,
        ["POST /api/open311/clients"] = Who.Admin,
        ["POST /api/open311/clients/{id:guid}/revoke"] = Who.Admin,
        ["GET /open311/v2/discovery.{format}"] = Who.Anyone,
        ["GET /open311/v2/services.{format}"] = Who.Anyone,
        ["GET /open311/v2/services/{service_code}.{format}"] = Who.Anyone,
        ["POST /open311/v2/requests.{format}"] = Who.Anyone,
        ["GET /open311/v2/requests.{format}"] = Who.Anyone,
        ["GET /open311/v2/requests/{service_request_id}.{format}"] = Who.Anyone,
        ["GET /open311/v2/tokens/{token}.{format}"] = Who.Anyone,

        // Three-society linkage and funds (issue 17): the street office's working records, for staff; workers move their
        // community's projects, administrators decide, form the supervision team and keep the pools.
        ["GET /api/linkage/stages"] = Who.Staff,
        ["GET /api/linkage/categories"] = Who.Staff,
        ["POST /api/linkage/categories"] = Who.Admin,
        ["GET /api/linkage/projects"] = Who.Staff,
        ["GET /api/linkage/projects/{id:guid}"] = Who.Staff,
        ["GET /api/linkage/projects/{id:guid}/history"] = Who.Staff,
        ["GET /api/linkage/projects/{id:guid}/documents/{documentId:guid}"] = Who.Staff,
        ["GET /api/linkage/board"] = Who.Staff,
        ["POST /api/linkage/projects"] = Who.Community,
        ["POST /api/linkage/projects/{id:guid}/documents"] = Who.Community,
        ["POST /api/linkage/projects/{id:guid}/meeting"] = Who.Community,
        ["POST /api/linkage/projects/{id:guid}/notice"] = Who.Community,
        ["POST /api/linkage/projects/{id:guid}/review"] = Who.Community,
        ["POST /api/linkage/projects/{id:guid}/stage"] = Who.Community,
        ["POST /api/linkage/projects/{id:guid}/incentive-application"] = Who.Community,
        ["POST /api/linkage/projects/{id:guid}/progress"] = Who.Community,
        ["POST /api/linkage/projects/{id:guid}/result"] = Who.Community,
        ["POST /api/linkage/projects/{id:guid}/incentive-decision"] = Who.Admin,
        ["POST /api/linkage/projects/{id:guid}/checks"] = Who.Admin,
        ["GET /api/linkage/conferences"] = Who.Staff,
        ["POST /api/linkage/conferences"] = Who.Admin,
        ["GET /api/linkage/organisations"] = Who.Staff,
        ["GET /api/linkage/social-workers"] = Who.Staff,
        ["GET /api/linkage/centres"] = Who.Staff,
        ["POST /api/linkage/organisations"] = Who.Admin,
        ["POST /api/linkage/social-workers"] = Who.Admin,
        ["POST /api/linkage/centres"] = Who.Admin,
        ["POST /api/linkage/centres/{id:guid}/incubated"] = Who.Admin,

        // Door-to-door campaigns and emergency work (issue 18): the scan page and what it calls are public and show no person;
        // households, visits, entry logs, forms and the office's records are staff's; workers enter their community's; administrators define.
        ["GET /api/passes/categories"] = Who.Anyone,
        ["PUT /api/passes/categories"] = Who.Admin,
        ["GET /api/passes/entrances"] = Who.Staff,
        ["GET /api/passes/coverage"] = Who.Anyone,
        ["POST /api/passes/entrances/issue"] = Who.Community,
        ["POST /api/passes/entrances/{id:guid}/revoke"] = Who.Community,
        ["GET /api/passes/entrances/{id:guid}/poster.png"] = Who.Staff,
        ["GET /api/passes/entrances/{id:guid}/poster.pdf"] = Who.Staff,
        ["GET /api/passes/entrances/{id:guid}/entries"] = Who.Staff,
        ["GET /api/passes/counts"] = Who.Staff,
        ["GET /api/passes/scan/{code}"] = Who.Anyone,
        ["POST /api/passes/scan/{code}/entries"] = Who.Anyone,
        ["GET /api/passes/check/{code}"] = Who.Anyone,
        ["GET /passes/scan/{code}"] = Who.Anyone,
        ["GET /passes/scan.js"] = Who.Anyone,
        ["GET /api/households/counts"] = Who.Staff,
        ["GET /api/households"] = Who.Staff,
        ["POST /api/households/import"] = Who.Community,
        ["GET /api/campaigns"] = Who.Staff,
        ["GET /api/campaigns/{id:guid}"] = Who.Staff,
        ["GET /api/campaigns/{id:guid}/coverage"] = Who.Staff,
        ["GET /api/campaigns/mine"] = Who.Staff,
        ["POST /api/campaigns"] = Who.Admin,
        ["POST /api/campaigns/{id:guid}/assignments"] = Who.Community,
        ["POST /api/campaigns/{id:guid}/visits"] = Who.Community,
        ["GET /campaigns/visits"] = Who.Anyone,
        ["GET /campaigns/visits.js"] = Who.Anyone,
        ["GET /campaigns/manage"] = Who.Anyone,
        ["GET /campaigns/manage.js"] = Who.Anyone,
        ["GET /api/forms"] = Who.Staff,
        ["GET /api/forms/overdue"] = Who.Staff,
        ["POST /api/forms"] = Who.Admin,
        ["POST /api/forms/{id:guid}/submissions"] = Who.Community,
        ["GET /api/forms/{id:guid}/export.xlsx"] = Who.Staff,
        ["GET /api/forms/{id:guid}/export.csv"] = Who.Staff,
        ["GET /api/secondments"] = Who.Staff,
        ["POST /api/secondments"] = Who.Admin,
        ["POST /api/secondments/{id:guid}/end"] = Who.Admin,
        ["GET /api/leading-groups"] = Who.Staff,
        ["POST /api/leading-groups"] = Who.Admin,
        ["POST /api/leading-groups/{id:guid}/composition"] = Who.Admin,
        ["GET /api/exchanges"] = Who.Staff,
        ["POST /api/exchanges"] = Who.Admin,
        ["GET /api/linkage/supervision-teams"] = Who.Staff,
        ["POST /api/linkage/supervision-teams"] = Who.Admin,
        ["GET /api/linkage/trainings"] = Who.Staff,
        ["POST /api/linkage/trainings"] = Who.Admin,
        ["GET /api/linkage/demonstration-sites"] = Who.Staff,
        ["POST /api/linkage/demonstration-sites"] = Who.Community,
        ["POST /api/linkage/tours"] = Who.Staff,
        ["GET /api/linkage/titles"] = Who.Staff,
        ["POST /api/linkage/titles"] = Who.Admin,
        ["POST /api/linkage/titles/{id:guid}/visits"] = Who.Admin,
        ["GET /api/linkage/situation-reports"] = Who.Staff,
        ["POST /api/linkage/situation-reports"] = Who.Admin,
    };

    /// <summary>The host's routes as "METHOD pattern" (HEAD folded into GET), with the pattern's own text.</summary>
    internal static List<(string Key, string Method, string Pattern)> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m is not ("HEAD" or "OPTIONS"))
                .Select(m => (Method: m, Pattern: Normalise(e.RoutePattern.RawText!)))
                .Select(x => (Key: $"{x.Method} {x.Pattern}", x.Method, x.Pattern)))
            .DistinctBy(r => r.Key)
            .ToList();

    /// <summary>A group's own route ("/api/sites" + "") is written without the trailing slash.</summary>
    private static string Normalise(string pattern) => pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;

    /// <summary>A URL for a route pattern: ids are fresh guids (no record), names a placeholder no record has.</summary>
    internal static string Url(string pattern, Func<string, string?>? fill = null) =>
        Regex.Replace(pattern.Replace("{action:regex(^(enable|disable)$)}", "{action:enable}", StringComparison.Ordinal), "\\{\\*?(\\w+)(:[^}]*)?\\}", m =>
        {
            var name = m.Groups[1].Value;
            var constraint = m.Groups[2].Value;
            if (fill?.Invoke(name) is { } value)
                return value;
            return constraint.Contains("guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
                : constraint.Contains("long", StringComparison.Ordinal) || constraint.Contains("int", StringComparison.Ordinal) ? "1"
                : constraint.Contains("enable", StringComparison.Ordinal) ? "enable"
                : name switch
                {
                    "tileMatrixSetId" => "WebMercatorQuad",
                    "tileMatrix" or "tileRow" or "tileCol" => "0",
                    "documentName" => "v1",
                    "file" => "none.js",
                    _ => "matrix-none",
                };
        });

    [Fact]
    public void EveryEndpoint_IsDeclaredInThePolicyTable()
    {
        var routes = Routes(fixture.Factory.Services);
        var missing = routes.Where(r => !Policy.ContainsKey(r.Key)).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0,
            "Endpoints missing from the authorization policy table (tests/Platform.Host.Tests/Security/AuthorizationMatrixTests.cs, " +
            "Policy): add a line per endpoint saying who may call it (Who.Anyone, SignedIn, Staff, Community, Participate, Plugins, Admin):\n"
            + string.Join("\n", missing.Select(m => $"        [\"{m}\"] = Who.?,")));
        var gone = Policy.Keys.Where(k => routes.All(r => r.Key != k)).ToList();
        Assert.True(gone.Count == 0, "The policy table names endpoints the host does not map (remove them): " + string.Join(", ", gone));
    }

    /// <summary>
    /// Each endpoint × each identity: refused ones answer 401 (anonymous) or 403 (signed in) before anything runs;
    /// allowed ones are never refused by a role policy (their answer may still be 400 or 404: the body is <c>{}</c> and
    /// the ids are of no record); nothing answers 5xx.
    /// </summary>
    [Fact]
    public async Task EveryEndpoint_AsEveryRole_AnswersAsThePolicyTableSays()
    {
        var routes = Routes(fixture.Factory.Services).Where(r => Policy.ContainsKey(r.Key)).ToList();
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = fixture.Factory.CreateClient() };
        foreach (var user in Identities.Skip(1))
            clients[user] = await fixture.Factory.ClientForAsync(user);

        var failures = new ConcurrentBag<string>();
        var calls = 0;
        using var gate = new SemaphoreSlim(12);
        // Signing out revokes the caller's token: those calls go last.
        var ordered = routes.OrderBy(r => r.Pattern == "/api/auth/logout").ToList();
        var started = DateTime.UtcNow;
        foreach (var batch in ordered.GroupBy(r => r.Pattern == "/api/auth/logout"))
        {
            await Task.WhenAll(batch.SelectMany(r => Identities.Select(identity => (r, identity))).Select(async x =>
            {
                await gate.WaitAsync();
                try
                {
                    var (route, identity) = x;
                    var url = Url(route.Pattern);
                    using var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
                    if (route.Method != "GET")
                        request.Content = JsonContent.Create(new { });
                    using var response = await clients[identity].SendAsync(request);
                    Interlocked.Increment(ref calls);
                    var status = (int)response.StatusCode;
                    var text = await response.Content.ReadAsStringAsync();
                    var allowed = Allowed[Policy[route.Key]].Contains(identity);
                    var refusedByPolicy = status is 401 or 403 && IsAuthorizationProblem(text);
                    if (status >= 500)
                        failures.Add($"{route.Method} {url} as {identity}: {status} {Short(text)}");
                    else if (allowed && refusedByPolicy)
                        failures.Add($"{route.Method} {url} as {identity}: refused ({status}) but the table says {Policy[route.Key]}");
                    else if (!allowed && status != (identity == "anonymous" ? 401 : 403))
                        failures.Add($"{route.Method} {url} as {identity}: {status}, expected {(identity == "anonymous" ? 401 : 403)} ({Policy[route.Key]}) {Short(text)}");
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        output.WriteLine($"Authorization matrix: {routes.Count} endpoints × {Identities.Length} identities = {calls} calls in {(DateTime.UtcNow - started).TotalSeconds:0.0} s, {failures.Count} failures");
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Order(StringComparer.Ordinal)));
        Assert.Equal(routes.Count * Identities.Length, calls);
    }

    /// <summary>
    /// A worker of 兴隆湖社区 against records of other communities: every community-scoped write with an id, given that
    /// id, is refused (never 2xx), and the ones with a valid body are refused as 403 naming the community; the records are unchanged.
    /// </summary>
    [Fact]
    public async Task AWorker_CannotChangeAnotherCommunitysRecords()
    {
        var worker = await fixture.Factory.ClientForAsync("worker");
        var me = await worker.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var own = me.GetProperty("community").GetString();
        using var anonymous = fixture.Factory.CreateClient();
        var facilities = await anonymous.GetFromJsonAsync<JsonElement>("/api/facilities");
        var facility = facilities.EnumerateArray().First(f => f.GetProperty("communityCode").GetString() is { } c && c != own);
        var compounds = await anonymous.GetFromJsonAsync<JsonElement>("/api/compounds");
        var compound = compounds.EnumerateArray().First(f => f.GetProperty("communityCode").GetString() is { } c && c != own);
        var facilityId = facility.GetProperty("id").GetGuid();
        var compoundId = compound.GetProperty("id").GetGuid();
        var before = await anonymous.GetStringAsync($"/api/compounds/{compoundId}");

        var close = await worker.PostAsJsonAsync($"/api/facilities/{facilityId}/close", new { reason = "越权测试", closedOn = "2026-06-01" });
        await close.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "id", "社区工作者");
        var loc = compound.GetProperty("location").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var building = await worker.PostAsJsonAsync($"/api/compounds/{compoundId}/buildings", new
        {
            name = "越权楼栋", floors = 6, households = 24,
            geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { loc[0], loc[1] }, new[] { loc[0] + 0.0001, loc[1] }, new[] { loc[0] + 0.0001, loc[1] + 0.0001 }, new[] { loc[0], loc[1] } } } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, building.StatusCode);
        Assert.Equal(before, await anonymous.GetStringAsync($"/api/compounds/{compoundId}"));
        var facilitiesAfter = await anonymous.GetStringAsync("/api/facilities");
        Assert.Equal(facilities.GetRawText().Length, facilitiesAfter.Length);

        // And every other community-scoped write with an id, given another community's record ids, is never accepted.
        var foreignIds = new[] { facilityId, compoundId };
        var scoped = Routes(fixture.Factory.Services)
            .Where(r => r.Method != "GET" && Policy.TryGetValue(r.Key, out var who) && who is Who.Community or Who.Participate && r.Pattern.Contains(":guid", StringComparison.Ordinal))
            .ToList();
        Assert.True(scoped.Count >= 10, $"only {scoped.Count} scoped writes with an id");
        foreach (var route in scoped)
            foreach (var id in foreignIds)
            {
                var url = Url(route.Pattern, _ => id.ToString());
                using var response = await worker.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = JsonContent.Create(new { reason = "越权测试" }) });
                Assert.True((int)response.StatusCode is >= 400 and < 500, $"{route.Method} {url} as a worker of {own}: {(int)response.StatusCode}");
            }
    }

    private static bool IsAuthorizationProblem(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.TryGetProperty("field", out var field) && field.GetString() == "authorization";
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static string Short(string text) => text.Length > 200 ? text[..200] : text;
}
