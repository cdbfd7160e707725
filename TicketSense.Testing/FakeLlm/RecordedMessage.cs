namespace TicketSense.Testing.FakeLlm;

/// <summary>One message of a recorded request: its role and its text (text parts joined when content is an array).</summary>
public sealed record RecordedMessage(string Role, string Text);
