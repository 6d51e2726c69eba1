namespace Platform.Abstractions.Security;

/// <summary>
/// Marks a property of an event or read model as personal data — a resident's name, phone, ID number, a photo's
/// location, or the id of a personal record (a household) that would lead to them. Answers built from such types
/// (the history endpoints) leave these properties out for everyone who may not see personal data.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class PersonalDataAttribute : Attribute;
