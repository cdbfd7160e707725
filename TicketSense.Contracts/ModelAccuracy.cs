namespace TicketSense.Contracts;

/// <summary>A model version's 5-fold cross-validated accuracy per dimension, 0–1, on the tickets it was trained on.</summary>
public sealed record ModelAccuracy(double Priority, double Category, double Sentiment);
