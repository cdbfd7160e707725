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

    // Around a cue's alternatives: no letter, digit or dash either side, so "sue" stays out of "issue". Each pattern
    // is source-generated ([GeneratedRegex]) rather than compiled at start-up. NonBacktracking is not an option: it
    // has no lookarounds.
    private const string Before = @"(?<![\w-])(";
    private const string After = @")(?![\w-])";

    // Each cue: a name (for tags and debugging) and the phrases that signal it (the patterns below, in this order).
    private static readonly (string Name, Regex Pattern)[] Lexicon =
    [
        // Impact: what is broken, for how many, and whether the customer can carry on.
        ("outage", Outage()),
        ("wide-impact", WideImpact()),
        ("error", Error()),
        ("blocked", Blocked()),
        ("workaround", Workaround()),
        ("security", Security()),
        ("safety", Safety()),
        ("data-loss", DataLoss()),
        ("legal-threat", LegalThreat()),
        ("contract", Contract()),
        // Money.
        ("money", Money()),
        ("amount", Amount()),
        ("double-charge", DoubleCharge()),
        ("refund-overdue", RefundOverdue()),
        // What the customer asks for.
        ("request-new", RequestNew()),
        ("how-to", HowTo()),
        ("account-admin", AccountAdmin()),
        ("compliance", Compliance()),
        ("urgency", Urgency()),
        // The relationship.
        ("complaint", Complaint()),
        ("churn", Churn()),
        // Tone.
        ("praise", Praise()),
        ("thanks", Thanks()),
        ("frustration", Frustration()),
        // "still" and "again" on their own: a feature for the classifiers, too weak as evidence ("is it still on sale?").
        ("persistence", Persistence()),
        ("hostility", Hostility()),
        ("sarcasm", Sarcasm()),
        ("negation", Negation()),
        ("politeness", Politeness()),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Lexicon.Select(c => c.Name), "exclamations", "capitals", "questions", "length"];

    public static int Count => Names.Count;

    /// <summary>Every cue's name and pattern, in vector order: two lexicons with the same signature give the same features.</summary>
    public static string Signature { get; } = string.Join('\n', Lexicon.Select(c => $"{c.Name}={c.Pattern}").Concat(Names.Skip(Lexicon.Length)));

    /// <summary>The position of cue <paramref name="name"/> in the vector <see cref="Of"/> returns.</summary>
    public static int Index(string name) =>
        Array.IndexOf([.. Names], name) is var index and >= 0 ? index : throw new ArgumentException($"No cue named '{name}'.", nameof(name));

    /// <summary>The positions of several cues, for rules that ask whether any of them fired.</summary>
    public static int[] Indexes(params string[] names) => [.. names.Select(Index)];

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

    /// <summary>
    /// Lexicon cue <paramref name="index"/> of a text, as it is in <see cref="Of"/>'s vector, for a caller that needs a
    /// few cues of many texts (the summary's sentences) and would waste the rest.
    /// </summary>
    public static float Of(string text, int index) => Saturate(Lexicon[index].Pattern.Count(text));

    private static float Saturate(float hits) => Math.Min(hits, 3f) / 3f;

    [GeneratedRegex(Before + @"down for (everyone|everybody|all)|(is|are|been|went) down (since|for|again)|servers? (are |is )?down|no (water|power|electricity|heating|gas)|(water|power|electricity|heating|gas) (supply )?(is |has been )?(off|out|cut)|power cut|blackout|lines? (are |is )?(down|dead)|phones? (are |is )?down|no dial tone|dead|down|outage|unavailable|unreachable|not (loading|responding)|stopped working|(5\d\d|gateway) (error|timeout)|50[0234]|offline|no (internet|connection|service|signal)|can'?t (connect|reach)|site is down|went down|crash(es|ed|ing)?|dns|ssl|certificate (expired|error)" + After, Options)]
    private static partial Regex Outage();

    [GeneratedRegex(Before + @"(half|most|all) (of )?(the|my|our)? ?(comments|street|building|flats|neighbou?rs|colleagues|users|customers|town|city|area)|whole (street|road|town|city|area|estate|block)|for everyone|not just (me|us)|same thing|other (people|users|customers) (have|are|too)|every(one|body)|all (of )?(our |the |my )?(users|customers|staff|agents|employees|clients|accounts|requests|invoices|sites|stores|orders|calls|payments|locations|offices)|nobody|no one|whole (team|company|office|site|floor|building)|entire|company-wide|production|prod|live (site|store|shop)|all \d+|\d{2,} (users|customers|people|staff|employees|clients)" + After, Options)]
    private static partial Regex WideImpact();

    [GeneratedRegex(Before + @"drops?|dropping|disconnect(s|ed|ing)?|kicks? (us|me) off|blue[- ]?screens?|bsod|dies|died|no dial tone|expired|not (updated|propagat\w*|applied|charging)|keeps? (restarting|rebooting|disconnecting)|won'?t (boot|turn on|charge|connect|install|print)|rejected|declined|(says|shows|showing) .{0,20}(expired|invalid|error)|greyed out|error|bug|broken|fail(s|ed|ing|ure)?|exception|timeout|timing out|glitch|wrong|incorrect|doesn'?t work|does not work|won'?t (open|load|start|work)|isn'?t working|not (showing|sending|syncing|arriving|working|updating)|stuck|freez(e|es|ing)|keeps? (crashing|failing|dropping|logging)" + After, Options)]
    private static partial Regex Error();

    [GeneratedRegex(Before + @"(can'?t|cannot|unable to|not able to|won'?t let me) (log ?in|sign ?in|book|check ?in|board|pay|order|buy|withdraw|transfer|join|play|watch|stream|drive|get home|get to work|use (it|the app|my)|work at all)|(never|didn'?t|hasn'?t|has not|have not|haven'?t) (arrived|came|come|turned up|shown up|been delivered)|(order|parcel|package|delivery|luggage|suitcase|consignment|shipment|item)s? (is |was |has been |got )?(lost|missing|never (came|arrived))|not delivered|declined|cut off|disconnected|stranded|stuck (at|in|on)|(can'?t|cannot|unable to|not able to) (log ?in|sign ?in|access|send|pay|work|get in|open|use|process|invoice|bill|take|receive)|locked out|blocked|no workaround|nothing works|dead in the water|can'?t do (my|our) job|(losing|lose|lost) (money|sales|revenue|customers|business)" + After, Options)]
    private static partial Regex Blocked();

    [GeneratedRegex(Before + @"just curious|just wondering|(just )?fyi|not a big deal|no big deal|no urgency|no worries|at some point|in (the )?future|for future reference|(some|any) ?time (next|this) (month|year|week)|next (month|year)|before the summer|nice to have|would be nice|workaround|for now|in the meantime|meanwhile|manually|not urgent|no rush|no hurry|whenever (you|convenient)|when you (have|get) (a|the) (chance|moment|minute)|low priority|minor|cosmetic|small (thing|issue|bug)|slightly|a bit (slow|off)" + After, Options)]
    private static partial Regex Workaround();

    [GeneratedRegex(Before + @"another (customer|person|patient|member|user|client|guest|passenger)'?s (policy|documents?|records?|booking|results|account|details|data|information|name|address|invoice|statement)|someone else'?s (policy|documents?|records?|booking|results|account|details|data|order)|(purchases|payments|transactions|charges|logins?) (that )?(i|we) (didn'?t|did not) (make|authori[sz]e|recogni[sz]e)|(don'?t|do not) recogni[sz]e|\.locked|encrypted (all|our|my|every)|ransom|fake (page|site|login|email|docusign|website)|entered my (password|credentials|login)|clicked (a|the|on a) link|expos(es|ing)|other (customers|users|people)'? (names|addresses|data|orders|details)|responsible disclosure|vulnerabilit(y|ies)|security (issue|hole|flaw|problem)|(someone|somebody) else'?s|(aren'?t|are not|isn'?t|not) mine|new (login|sign-?in|device)|logged in from|sent .{0,60} to the wrong|wrong (recipient|email address)|mistyped|personal data|home address(es)?|card (details|number) .{0,30}(stolen|used|exposed)|breach(ed)?|hack(ed|er|ers)?|unauthori[sz]ed|phishing|leak(ed|s)?|compromised|suspicious|stolen|exposed|takeover|malware|ransomware|ddos|someone (else )?(logged|accessed|got|has) (in|into|access)|login(s)? from|intrusion|api key .{0,30}(public|github)|credentials|fraud(ulent)?|identity theft|skimm(ed|ing)|another (customer|company|client|user)'?s (data|details|invoices|information|account)" + After, Options)]
    private static partial Regex Security();

    [GeneratedRegex(Before + @"spark(s|ing)?|smoke|smoking|fire|flames?|burn(ing|t)? smell|smell of (gas|burning)|gas leak|electric(al)? shock|exposed wires?|brakes? (fail\w*|not working|gone)|injur(ed|y|ies)|ambulance|hospital(i[sz]ed)?|allerg(y|ic|en)|anaphyla\w*|unsafe|dangerous|hazard(ous)?|carbon monoxide|flood(ing|ed)?|collapsed?" + After, Options)]
    private static partial Regex Safety();

    [GeneratedRegex(Before + @"(data|invoices?|records?|files?|orders?|customers?|photos?|emails?|database|backups?) (are |is |were |was |got |have been |has been )?(all )?(lost|gone|deleted|wiped|missing|disappeared|corrupt(ed)?|overwritten|erased)|data loss|lost (all|our|my|everything)|wiped|corrupt(ed|ion)?|disappeared|vanished" + After, Options)]
    private static partial Regex DataLoss();

    [GeneratedRegex(Before + @"material breach|deadlock letter|legal (letter|notice)|proceedings|claim form|data protection authority|supervisory authority|lawyers?|attorneys?|solicitors?|legal (action|proceedings|counsel|team|department)|lawsuit|sue|suing|court|litigation|regulators?|ombudsman|ico|ftc|attorney general|trading standards|consumer protection|breach of (contract|the (agreement|msa|contract))|formal notice|notice of (breach|termination)|letter before (action|claim)|small claims|without prejudice|damages|liable|liability" + After, Options)]
    private static partial Regex LegalThreat();

    [GeneratedRegex(Before + @"gdpr|msa|master services agreement|contract(ual)?|sla|terms of service|dpa|data processing|agreement|clause" + After, Options)]
    private static partial Regex Contract();

    [GeneratedRegex(Before + @"refund(ed|s)?|charge(d|s)?|invoice(d|s)?|payment(s)?|paid|pay|bill(ed|ing)?|price|pricing|plan|subscription|receipt|vat|tax|credit card|card|overcharg(e|ed)|fee(s)?|cost(s)?|discount|proration|prorat(e|ed)|quote|renewal|usd|eur|gbp|money|debit(ed)?|bank|balance|credit|coupon|promo" + After, Options)]
    private static partial Regex Money();

    [GeneratedRegex(Before + @"(took|taken|charged|debited|billed|paid|deducted) .{0,30}(two|2|three|3) times|charged (again )?after (i |we )?(cancel\w*)|still (being )?charged|charged .{0,40}after .{0,20}cancel\w*|without (my )?(permission|consent|authori[sz]ation)|twice|double(-| )?(charg\w*|bill\w*|billed)|charged (two|2|three|3) times|duplicate (charge|payment|transaction)s?|2x|x2" + After, Options)]
    private static partial Regex DoubleCharge();

    [GeneratedRegex(Before + @"refund .{0,60}(still|not yet|never|hasn'?t|has not)|(still|never) .{0,30}refund|(weeks|days|months) (now|later|and (still|nothing))|still nothing|(\d+(st|nd|rd|th)|second|third|fourth|fifth) time (asking|chasing|writing|calling|contacting)|(payout|payment|refund|deposit|money) .{0,40}(late|overdue|missing|not arrived|hasn'?t arrived)|(still|never|not yet|haven'?t) (received|got|seen) (my |the |our )?(refund|money|credit)|where is my (refund|money)|refund .{0,30}(weeks|days|month)|(weeks|days) .{0,30}refund" + After, Options)]
    private static partial Regex RefundOverdue();

    [GeneratedRegex(Before + @"any chance (you|of|to|we)|(could|can|would) (the|you|we|your) .{0,25} (get|have|add|offer|support|show|include) (a|an|the)?|bring (it|them|.{0,20}) back|(please|pls|plz) (add|make|let|bring|allow)|why (on earth )?(can'?t|isn'?t|doesn'?t|don'?t) (i|we|it|there|you)|(i'?d|we'?d) (love|like) (to see|it if|if)|would save|should (be able to|have|let)|can (u|you) (add|let|make|build|please add)|(only thing|what'?s|one thing) missing|would it be possible (to|for)|would be (lovely|cool|awesome|handy)|it would be lovely|let us|wish list|wishlist|please consider|how about (adding|a)|feature|would (be|love) (great|nice|helpful|amazing|useful)|it would be (great|nice|helpful|useful)|could you (add|build|support|make)|please add|(i|we) wish|would love|ability to|option to|support for|roadmap|any plans|is it on|suggestion|idea|integrat(e|ion) with|do you plan|why (can'?t|isn'?t|doesn'?t) (i|we|it|there)|is there (any )?(way|plan)|would like (to see|the option)|missing feature|not (yet )?possible|still not possible" + After, Options)]
    private static partial Regex RequestNew();

    [GeneratedRegex(Before + @"how (do|can|should|would) (i|we)|where (do|can|is) (i|we)?|is (it|there) (possible|a way)|can (i|we|you) (change|update|add|remove|get|set|export|download)|documentation|docs|guide|instructions|question|wondering|could you (explain|clarify|confirm|send|tell)|what (is|are) the|quick q" + After, Options)]
    private static partial Regex HowTo();

    [GeneratedRegex(Before + @"user(s)?|seat(s)?|access|permission(s)?|role(s)?|admin|owner(ship)?|password|login|log in|sign in|2fa|mfa|sso|account|email address|remove|invite|onboard(ing)?|offboard(ing)?|new hire|licen[cs]e(s)?|name change|address change" + After, Options)]
    private static partial Regex AccountAdmin();

    [GeneratedRegex(Before + @"soc ?2|iso ?27001|pen(etration)? test|hecvat|baa|hipaa|audit|compliance|questionnaire|procurement|vendor (form|assessment|onboarding)|w-?9|certificate of insurance|sub-?processors?" + After, Options)]
    private static partial Regex Compliance();

    [GeneratedRegex(Before + @"(in|within) \d+ ?(mins?|minutes|hrs?|hours)|tmrw|tmr|need (it|this|the \w+) (by|before|for) \w+|(by|before|on) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)( (morning|afternoon|evening|night))?|(this|next) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|end of (the )?(day|week|month)|right away|now!*|help!+|(at|by|before) \d{1,2}(:\d\d)? ?(am|pm)|this (afternoon|morning|evening)|in \d+ (hours|minutes)|tomorrow morning|first thing|urgent(ly)?|asap|immediately|right now|emergency|critical|today|tonight|tomorrow|within (the hour|\d+ (hours|minutes|days))|deadline|by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|end of (day|week|month)|eod|eow)|time[- ]sensitive|p1|sev ?1|high priority" + After, Options)]
    private static partial Regex Urgency();

    [GeneratedRegex(Before + @"disappoint(ed|ing|ment)|unacceptable|terrible|awful|worst|poor (service|support|communication)|no (reply|response|answer|one (replied|answered|called))|nobody (replied|answered|responds|called)|still waiting|(second|third|fourth|fifth) time|(weeks|days) (ago|now|later)|rude|promised|escalat(e|ion)|manager|supervisor|complain(t|ing)?|reviews?|trustpilot|refuse(d)?|ignored|let down|broken promises?|service levels?|compensation|goodwill" + After, Options)]
    private static partial Regex Complaint();

    [GeneratedRegex(Before + @"cancel(l?ing|lation|led)?|leav(e|ing)|competitor|switch(ing)? (to|providers)|mov(e|ing) to|alternatives?|not renew(ing)?|terminate|close (my|our) account|take (my|our) business" + After, Options)]
    private static partial Regex Churn();

    [GeneratedRegex(Before + @"(huge|big|many|massive) thank(s| you)|thank you so much|thanks so much|works (great|perfectly|brilliantly)|went above and beyond|above and beyond|(real|such) kindness|so helpful|really helpful|very helpful|incredible|lovely|perfect|star|hero|legend|smooth|quick(ly)? and (easy|painless)|faster than|love|loving|great (job|work|service|product|team)|awesome|amazing|excellent|fantastic|brilliant|wonderful|kudos|impressed|delighted|superb|outstanding|lifesaver|game[- ]changer|well done|keep up|shout-?out|so happy|very happy|big fan|❤️?|😍|🙏|👍|🎉|😊" + After, Options)]
    private static partial Regex Praise();

    [GeneratedRegex(Before + @"thank(s| you)|appreciate(d)?|grateful|cheers" + After, Options)]
    private static partial Regex Thanks();

    [GeneratedRegex(Before + @"frustrat(ed|ing)|annoy(ed|ing)|fed up|sick of|tired of|worried|concerned|unfortunately|yet again|(broken|down|failed|failing|crashed|crashing|charged|happened|happening|wrong|late|missing|delayed|cancell?ed|jammed|stuck|off) again|again[.!?]|still (waiting|nothing|not|no|broken|down|charging|missing|stuck|the same|wrong|hasn'?t|haven'?t|isn'?t|doesn'?t|can'?t|won'?t|in transit|pending|processing)|disappoint(ed|ing)|not happy|unhappy|upset|stress(ed|ful)?|confus(ed|ing)|losing patience|exhausted" + After, Options)]
    private static partial Regex Frustration();

    [GeneratedRegex(Before + @"again|still" + After, Options)]
    private static partial Regex Persistence();

    [GeneratedRegex(Before + @"ridiculous|unacceptable|disgrace(ful)?|joke|pathetic|incompetent|incompetence|furious|outrageous|absurd|insane|useless|scam|scammers?|shame(ful)?|wtf|hell|damn|crap|bs|how (hard|difficult) (can|is) it|are you (kidding|serious)|clowns|garbage|idiots?|morons?|liars?|thieves|rip-?off|sort it out|i demand|final (warning|notice)|last chance|never again|worst" + After, Options)]
    private static partial Regex Hostility();

    [GeneratedRegex(Before + @"👏|bait and switch|10/10|would .{0,20} again|amazing service.{0,15}(really|guys|not)|wow,? (just|really|\d)|slow clap|cheers for nothing|(great|wonderful|fantastic|brilliant|perfect|love it|just what i needed|congrat(s|ulations)),? (another|again|thanks)|thanks (a lot|for nothing)|oh (great|wonderful)|yeah right|good job breaking|well done,|bravo|slow clap|🙄|🙃" + After, Options)]
    private static partial Regex Sarcasm();

    [GeneratedRegex(Before + @"not|no|never|can'?t|cannot|won'?t|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|unable" + After, Options)]
    private static partial Regex Negation();

    [GeneratedRegex(Before + @"please|kindly|would you|could you|if possible|when convenient|sorry to bother|hope you('re| are) well|many thanks|best regards|kind regards" + After, Options)]
    private static partial Regex Politeness();

    [GeneratedRegex(@"[$€£¥]\s?\d|\d\s?(usd|eur|gbp|chf|cad|aud|jpy|dollars|euros|pounds)\b", Options)]
    private static partial Regex Amount();

    // A shouted word: three or more capitals, not a known acronym-length token like "API" or "SSO" alone.
    [GeneratedRegex(@"\b\p{Lu}{4,}\b")]
    private static partial Regex ShoutedWord();
}
