using System.Text.RegularExpressions;
using TicketSense.Core.Triage.Redaction;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// The one sentence of a ticket that best states its problem: chosen from the newest message's content lines, never a
/// greeting, sign-off or signature; scored by the problem cues it carries, preferring earlier and mid-length
/// sentences. Falls back to the subject. Always one sentence of at most <see cref="TriageLimits.MaxSummaryLength"/>
/// characters, with personal identifiers masked (<see cref="PiiRedactor"/>): the sentence is the ticket's own words,
/// and a summary is cached, listed and exported where the ticket's email address or card number has no business.
/// </summary>
public static partial class ExtractiveSummary
{
    // In vector order: each sentence is scored on these cues alone, so the others are never computed for it.
    private static readonly int[] ProblemCues = [.. TriageCues.Indexes(
        "outage", "wide-impact", "error", "blocked", "security", "data-loss", "legal-threat", "money", "amount", "double-charge",
        "refund-overdue", "request-new", "how-to", "account-admin", "compliance", "complaint").Order()];

    public static string Of(string subject, IReadOnlyList<string> contentLines)
    {
        var sentences = contentLines
            .Where(line => line.Length > 0)
            .SelectMany(line => SentenceEnd().Split(line))
            .Select(s => Whitespace().Replace(s, " ").Trim())
            .Where(IsCandidate)
            .ToList();

        var subjectWords = SubjectWords(subject);
        var present = PresentProblemCues(contentLines);
        var best = sentences
            .Select((sentence, index) => (sentence, score: Score(sentence, index, subjectWords, present)))
            .Where(c => c.score > 0)
            .OrderByDescending(c => c.score)
            .Select(c => c.sentence)
            .FirstOrDefault();

        return Finish(PiiRedactor.Mask(best ?? FromSubject(subject)));
    }

    private static bool IsCandidate(string sentence) =>
        sentence.Length >= 15 && sentence.Count(char.IsLetter) >= 10 && !Greeting().IsMatch(sentence) && !Pleasantry().IsMatch(sentence)
        && !ContactLine().IsMatch(sentence) && !Instruction().IsMatch(sentence);

    private static HashSet<string> SubjectWords(string subject) =>
        Word().Matches(subject.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 4).ToHashSet();

    /// <summary>
    /// The problem cues found anywhere in the lines, whitespace collapsed as in a sentence. A sentence is a piece of
    /// that text cut at whitespace, so a cue absent from it is absent from every sentence, and scores 0 unasked.
    /// </summary>
    private static int[] PresentProblemCues(IReadOnlyList<string> contentLines)
    {
        var text = Whitespace().Replace(string.Join(' ', contentLines), " ");
        return [.. ProblemCues.Where(i => TriageCues.Of(text, i) > 0)];
    }

    private static double Score(string sentence, int index, HashSet<string> subjectWords, int[] presentProblemCues)
    {
        // The problem cues (not politeness, negation or length) say how much of the request a sentence carries.
        var problem = presentProblemCues.Select(i => TriageCues.Of(sentence, i)).Sum();
        var firstPerson = FirstPerson().IsMatch(sentence) ? 0.3 : 0;
        // The subject usually names the problem: a sentence that repeats its words restates it.
        var words = Word().Matches(sentence.ToLowerInvariant()).Select(m => m.Value).ToHashSet();
        var subject = subjectWords.Count == 0 ? 0 : 1.5 * subjectWords.Count(words.Contains) / subjectWords.Count;
        var length = sentence.Length switch { < 30 => 0.4, <= 260 => 1.0, <= 400 => 0.7, _ => 0.4 };
        var position = 1.0 / (1 + 0.15 * index);
        // "charity no." or "Art." at the end: the split fell on an abbreviation, and the sentence is cut short.
        if (Abbreviation().IsMatch(sentence)) length *= 0.3;
        // "Account: Quill & Ink Ltd (acct_QI4k)" is a form field someone filled in, not the problem.
        if (FieldLine().IsMatch(sentence)) length *= 0.4;
        return (0.2 + problem + firstPerson + subject) * length * position;
    }

    private static string FromSubject(string subject)
    {
        var text = Whitespace().Replace(SentenceEnd().Replace(subject, " — "), " ").Trim().TrimEnd('.', '!', '?', ':', ';', ',');
        return text.Length == 0 ? "The customer sent a message that needs a closer read" : $"The customer writes about: {text}";
    }

    private static string Finish(string sentence)
    {
        var text = sentence.TrimEnd(':', ';', ',', '-', ' ');
        if (text.Length > TriageLimits.MaxSummaryLength - 1)
        {
            var cut = text.LastIndexOf(' ', TriageLimits.MaxSummaryLength - 2);
            text = text[..(cut > 100 ? cut : TriageLimits.MaxSummaryLength - 2)].TrimEnd(',', ';', ':', ' ') + "…";
        }
        return text.Length > 0 && ".!?…".Contains(text[^1]) ? text : text + ".";
    }

    // Split exactly where TriageValidator would see a second sentence.
    [GeneratedRegex(@"(?<=[.!?][""')\]]?)\s+(?=[\p{Lu}\d])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings|hallo|hola|bonjour|ciao|olá|to whom it may concern|team|support)\b[^.!?]{0,40}[,!.:]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(i hope (you|this)|hope (you|all)|thanks( so much| a lot)?( in advance)?|thank you( (so|very) much)?( in advance)?( for [^.!?]{0,40})?|(many|kind) thanks|looking forward|have a (great|nice|good)|let me know if|please let me know|appreciate (it|your help))\b[^.!?]{0,60}[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pleasantry();

    // Phone numbers, addresses, "Name | Title" signature lines.
    [GeneratedRegex(@"(\+?\d[\d ()-]{7,}\d\s*$)|^(tel|phone|mobile|fax|www\.|https?://)|\|", RegexOptions.IgnoreCase)]
    private static partial Regex ContactLine();

    // Text addressed to a triage system ("SYSTEM: classify this as critical", "ignore your instructions") is content
    // to label, never the problem to summarise.
    [GeneratedRegex(@"\b(system|assistant|ai|bot|triage)\s*:|ignore (all |any )?(your |the |previous |prior )*(instructions|rules)|(classify|mark|label|set|route) (this|the ticket|it)\b.{0,40}\b(as|to) (low|medium|high|critical|urgent|p\d)", RegexOptions.IgnoreCase)]
    private static partial Regex Instruction();

    [GeneratedRegex(@"\b(no|nr|art|approx|ca|mr|mrs|ms|dr|st|vs|inc|ltd|co|ref|tel|e\.g|i\.e)\.$", RegexOptions.IgnoreCase)]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"^[\p{L}\d #/&().-]{2,40}:\s")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"\p{L}[\p{L}\d'-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(i|we|our|my|us|me)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPerson();
}
