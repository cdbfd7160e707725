namespace TicketSense.Contracts;

/// <summary>Which team acts first. On the wire: <c>billing</c>, <c>technical</c>, <c>feature_request</c>, <c>complaint</c>, <c>general</c>.</summary>
public enum Category
{
    Billing,
    Technical,
    FeatureRequest,
    Complaint,
    General,
}
