namespace JiuTracker.Web.Domain;

/// <summary>A requested change breaks a rule of the domain; the message is meant for the user.</summary>
public sealed class DomainRuleException(string message) : Exception(message);
