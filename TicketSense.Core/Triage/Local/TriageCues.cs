using System.Text.RegularExpressions;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// Domain cues that carry over from one product and one voice to another: impact and urgency, outage, security,
/// data loss and legal vocabulary, money, requests for new capability, praise and hostility, and the typography of
/// anger (capitals, exclamation marks). The local model sees them beside the words themselves, so it does not have
/// to learn them from the seed data's phrasing alone.
/// </summary>
public static partial class TriageCues
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Each cue: a name (for tags and debugging) and the phrases that signal it. Word boundaries keep "sue" out of "issue".
    private static readonly (string Name, Regex Pattern)[] Lexicon =
    [
        ("outage", Cue(@"down|outage|unavailable|unreachable|not (loading|responding|working)|doesn'?t work|stopped working|(5\d\d|gateway) (error|timeout)|50[0234]|offline|no internet|can'?t (connect|access|reach)|site is down|crash(es|ed|ing)?")),
        ("wide-impact", Cue(@"every(one|body)|all (of )?(our |the )?(users|customers|staff|agents|employees|clients|accounts|requests|invoices)|nobody|no one|whole (team|company|office|site)|entire|company-wide|production|prod|live site|all \d+")),
        ("error", Cue(@"error|bug|broken|fail(s|ed|ing|ure)?|exception|timeout|timing out|glitch|wrong|incorrect|does not|doesn'?t|won'?t|isn'?t|not (showing|sending|syncing|arriving|working)|stuck|freez(e|es|ing)")),
        ("security", Cue(@"breach(ed)?|hack(ed|er)?|unauthori[sz]ed|phishing|leak(ed)?|compromised|suspicious|stolen|exposed|takeover|malware|ransomware|ddos|someone (else )?(logged|accessed|got) in|login from|intrusion|api key .{0,30}(public|github)|credentials")),
        ("data-loss", Cue(@"(data|invoices?|records?|files?|orders?|customers?) (are |is |were |was |got )?(lost|gone|deleted|wiped|missing|disappeared|corrupt(ed)?|overwritten)|data loss|lost (all|our|my)|wiped|corrupt(ed|ion)?|disappeared|vanished|another (company|customer)'?s")),
        ("legal", Cue(@"lawyer|attorney|solicitor|legal (action|counsel|team|department)|lawsuit|sue|court|litigation|regulator|ombudsman|ico|gdpr|ftc|breach of (contract|the (agreement|msa))|formal notice|notice of breach|msa|master services agreement|small claims|chargeback|trading standards")),
        ("money", Cue(@"refund(ed|s)?|charge(d|s)?|invoice(d|s)?|payment(s)?|paid|pay|bill(ed|ing)?|price|pricing|plan|subscription|receipt|vat|tax|credit card|card|overcharg(e|ed)|fee(s)?|cost(s)?|discount|proration|prorat(e|ed)|quote|renewal|usd|eur|gbp|money|debit(ed)?")),
        ("amount", new(@"[$€£¥]\s?\d|\d\s?(usd|eur|gbp|chf|cad|aud|jpy|dollars|euros|pounds)\b", Options | RegexOptions.Compiled)),
        ("double-charge", Cue(@"twice|double(-| )?charg|charged (two|2|three|3) times|duplicate (charge|payment)|2x|x2")),
        ("request-new", Cue(@"feature|would (be|love) (great|nice|helpful|amazing)|it would be (great|nice|helpful)|could you (add|build|support)|please add|wish|would love|ability to|option to|support for|roadmap|any plans|is it on|suggestion|idea|request(ing)? (a|an|that)|integrat(e|ion) with|do you plan")),
        ("complaint", Cue(@"disappoint(ed|ing)|unacceptable|terrible|awful|worst|poor (service|support)|no (reply|response|answer)|nobody (replied|answered|responds)|still waiting|third time|(weeks|days) (ago|now|later)|cancel(l?ing|lation)?|leav(e|ing) (you|ledgerly)|competitor|switch(ing)? to|rude|promised|escalat(e|ion)|manager|complain(t)?|review|refuse(d)?")),
        ("praise", Cue(@"thank(s| you)|love|great|awesome|amazing|appreciate(d)?|excellent|fantastic|brilliant|wonderful|helpful|kudos|impressed|happy|delighted|perfect|❤|😍|🙏|👍")),
        ("hostility", Cue(@"ridiculous|unacceptable|disgrace(ful)?|joke|pathetic|incompetent|furious|outrageous|absurd|insane|useless|scam|shame|wtf|hell|damn|fed up|sick of|how (hard|difficult) (can|is) it|are you (kidding|serious)|clowns|garbage|idiots?")),
        ("urgency", Cue(@"urgent(ly)?|asap|immediately|right now|emergency|critical|today|tonight|within (the hour|\d+ (hours|minutes))|deadline|by (monday|tuesday|wednesday|thursday|friday|tomorrow|end of (day|week))|time[- ]sensitive|blocking|blocked|cannot (work|operate)|losing (money|sales|customers)")),
        ("how-to", Cue(@"how (do|can|should) (i|we)|where (do|can) (i|we)|is (it|there) (possible|a way)|can (i|we|you) (change|update|add|remove|get|set)|documentation|docs|guide|instructions|question|wondering|could you (explain|clarify|confirm|send)")),
        ("account-admin", Cue(@"user(s)?|seat(s)?|access|permission(s)?|role(s)?|admin|owner(ship)?|password|login|log in|sign in|2fa|mfa|sso|account|email address|remove|invite|onboard(ing)?|new hire|licen[cs]e(s)?")),
        ("compliance", Cue(@"soc ?2|iso ?27001|dpa|data processing|security questionnaire|pen(etration)? test|hecvat|baa|hipaa|audit|compliance|certificate|w-?9|procurement|vendor (form|assessment)")),
        ("negation", Cue(@"not|no|never|can'?t|cannot|won'?t|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|unable")),
        ("politeness", Cue(@"please|kindly|would you|could you|when you (have|get) a (chance|moment)|no rush|whenever|if possible|grateful")),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Lexicon.Select(c => c.Name), "exclamations", "capitals", "questions", "length"];

    public static int Count => Names.Count;

    /// <summary>The cue vector of a text: each lexicon cue as min(hits, 3) / 3, then the typography of tone and the length.</summary>
    public static float[] Of(string text)
    {
        var cues = new float[Count];
        for (var i = 0; i < Lexicon.Length; i++) cues[i] = Saturate(Lexicon[i].Pattern.Count(text));

        var i2 = Lexicon.Length;
        cues[i2] = Saturate(text.Count(c => c == '!') / 2f);
        cues[i2 + 1] = Saturate(ShoutedWord().Count(text) / 2f);
        cues[i2 + 2] = Saturate(text.Count(c => c == '?') / 2f);
        cues[i2 + 3] = Math.Min(1f, MathF.Log10(1 + text.Length) / 4f);
        return cues;
    }

    /// <summary>The names of the lexicon cues that fire on a text, strongest first.</summary>
    public static IEnumerable<string> Fired(string text) =>
        Lexicon.Select(c => (c.Name, Hits: c.Pattern.Count(text))).Where(c => c.Hits > 0).OrderByDescending(c => c.Hits).Select(c => c.Name);

    private static float Saturate(float hits) => Math.Min(hits, 3f) / 3f;

    private static Regex Cue(string alternatives) => new($@"(?<![\w-])({alternatives})(?![\w-])", Options | RegexOptions.Compiled);

    // A shouted word: three or more capitals, not a known acronym-length token like "API" or "SSO" alone.
    [GeneratedRegex(@"\b\p{Lu}{4,}\b")]
    private static partial Regex ShoutedWord();
}
