using System.Text.Json.Serialization;

namespace Platform.Governance.Open311;

// The answers of GeoReport v2 (http://wiki.open311.org/GeoReport_v2), field by field as the standard names them. The JSON
// answers are these records; the XML answers carry the same fields as elements of the same names.

/// <summary>A service (一个投诉类别) as <c>services.json</c> lists it.</summary>
public sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string Keywords,
    [property: JsonPropertyName("group")] string Group);

/// <summary>A service definition: the service's attributes (the category's extra questions).</summary>
public sealed record Open311ServiceDefinition(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("attributes")] List<Open311Attribute> Attributes);

public sealed record Open311Attribute(
    [property: JsonPropertyName("variable")] bool Variable,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("datatype_description")] string? DatatypeDescription,
    [property: JsonPropertyName("order")] int Order,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("values")] List<Open311AttributeValue> Values);

public sealed record Open311AttributeValue(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("name")] string Name);

/// <summary>A service request as <c>requests.json</c> answers it; no reporter's name, phone, email or device.</summary>
public sealed record Open311Request(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string StatusNotes,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("agency_responsible")] string AgencyResponsible,
    [property: JsonPropertyName("service_notice")] string ServiceNotice,
    [property: JsonPropertyName("requested_datetime")] string RequestedDatetime,
    [property: JsonPropertyName("updated_datetime")] string UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime")] string ExpectedDatetime,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("address_id")] string AddressId,
    [property: JsonPropertyName("zipcode")] string Zipcode,
    [property: JsonPropertyName("lat")] double Lat,
    [property: JsonPropertyName("long")] double Long,
    [property: JsonPropertyName("media_url")] string MediaUrl);

/// <summary>What <c>POST requests</c> answers: the new request's id, its token and a notice.</summary>
public sealed record Open311Created(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("service_notice")] string ServiceNotice,
    [property: JsonPropertyName("account_id")] string? AccountId);

/// <summary>What <c>tokens/{token}</c> answers.</summary>
public sealed record Open311Token(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("token")] string Token);

/// <summary>One error of the standard's error list.</summary>
public sealed record Open311Error(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description);

/// <summary>The discovery document.</summary>
public sealed record Open311Discovery(
    [property: JsonPropertyName("changeset")] string Changeset,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("key_service")] string KeyService,
    [property: JsonPropertyName("endpoints")] List<Open311DiscoveryEndpoint> Endpoints);

public sealed record Open311DiscoveryEndpoint(
    [property: JsonPropertyName("specification")] string Specification,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("changeset")] string Changeset,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("formats")] List<string> Formats);

/// <summary>An Open311 client as administrators see it (never its key, which is shown once, when issued).</summary>
public sealed record Open311ClientView(Guid Id, string Name, DateTimeOffset IssuedAt, bool Revoked, DateTimeOffset? RevokedAt, string? RevokedReason, long Version);
