using System.Text.RegularExpressions;
using TicketSense.Contracts;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// 2–5 kebab-case tags for a ticket: the topics it names (products, integrations, problems), in the order of their
/// first mention, then the category when fewer than two topics were found. Every tag comes from this fixed
/// vocabulary, never from the ticket's own words, so no email address, phone or card number can become a tag.
/// </summary>
public static class KeywordTags
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly (string Tag, Regex Pattern)[] Topics =
    [
        ("security-incident", Topic(@"breach(ed)?|hack(ed)?|unauthori[sz]ed (access|login)|phishing|compromised|leaked|account takeover|suspicious (login|activity)")),
        ("data-loss", Topic(@"data loss|(lost|deleted|wiped|missing|corrupt(ed)?) (data|invoices|records|files|orders)|(data|invoices|records) (lost|gone|deleted|wiped|corrupted)")),
        ("legal-threat", Topic(@"lawyer|attorney|solicitor|lawsuit|legal action|breach of contract|notice of breach|regulator|ombudsman|small claims")),
        ("outage", Topic(@"outage|is down|are down|went down|site down|unavailable|50[234]")),
        ("double-charge", Topic(@"charged twice|double(-| )charg\w*|duplicate (charge|payment)|charged 2x")),
        ("refund", Topic(@"refunds?|refunded|money back")),
        ("invoice", Topic(@"invoices?")),
        ("payment", Topic(@"payments?|card (declined|payments?)|ach|sepa|direct debit")),
        ("pricing", Topic(@"pric(e|es|ing)|price increase|quote|discount")),
        ("subscription", Topic(@"subscription|plan|upgrade|downgrade|renewal|cancel(l?ation)?")),
        ("tax", Topic(@"vat|sales tax|tax (id|number|rate)|gst")),
        ("sso", Topic(@"sso|saml|okta|azure ad|entra|single sign-on")),
        ("two-factor-auth", Topic(@"2fa|mfa|two-factor|authenticator")),
        ("login", Topic(@"log ?in|sign ?in|locked out|password")),
        ("user-management", Topic(@"users?|seats?|roles?|permissions?|admin access|scim|offboard\w*|new hire")),
        ("api", Topic(@"api|endpoint|rest")),
        ("webhooks", Topic(@"webhooks?")),
        ("quickbooks", Topic(@"quickbooks|qbo")),
        ("xero", Topic(@"xero")),
        ("salesforce", Topic(@"salesforce")),
        ("shopify", Topic(@"shopify")),
        ("stripe", Topic(@"stripe")),
        ("mobile-app", Topic(@"android|ios|iphone|ipad|mobile app|the app")),
        ("data-export", Topic(@"exports?|csv|download")),
        ("data-import", Topic(@"imports?|migrat(e|ion)")),
        ("reporting", Topic(@"reports?|dashboard")),
        ("performance", Topic(@"slow|performance|latency|timeouts?|timing out")),
        ("email-delivery", Topic(@"emails? (not|never) (arriv|deliver|sent)\w*|bounced?|spam folder")),
        ("compliance", Topic(@"soc ?2|dpa|gdpr|hipaa|baa|iso ?27001|audit|questionnaire|pen(etration)? test")),
        ("churn-risk", Topic(@"competitor|switch(ing)? to|leaving|cancel (our|my) (account|subscription)|moving to")),
        ("support-experience", Topic(@"no (reply|response)|still waiting|support (team|agent)|rude|ticket #?\d+")),
        ("network", Topic(@"vpn|wi-?fi|internet|network|dns")),
        ("ssl-certificate", Topic(@"ssl|tls|certificate")),
        ("hardware", Topic(@"laptop|printer|monitor|keyboard|phone|device")),
        ("order-delivery", Topic(@"orders?|deliver(y|ed)|shipping|parcel|package|tracking")),
        ("returns", Topic(@"return (request|label|policy|it)|returned (the |an? )?(item|order|parcel)|exchange|wrong (item|size)")),
        ("documentation", Topic(@"docs|documentation|guide|how (do|can) (i|we)")),
        ("praise", Topic(@"thank you|thanks so much|love|amazing|fantastic|great job|kudos")),
    ];

    /// <summary>The tags of a ticket's <see cref="TicketText.ForModel"/> text.</summary>
    public static IReadOnlyList<string> Of(string text, Category category)
    {
        var tags = Topics
            .Select(t => (t.Tag, Match: t.Pattern.Match(text)))
            .Where(t => t.Match.Success)
            .OrderBy(t => t.Match.Index)
            .Select(t => t.Tag)
            .Take(TriageLimits.MaxTags - 1)
            .ToList();

        var categoryTag = WireNames.Of(category).Replace('_', '-');
        if (!tags.Contains(categoryTag)) tags.Add(categoryTag);
        if (tags.Count < TriageLimits.MinTags) tags.Add("needs-review");
        return tags;
    }

    private static Regex Topic(string alternatives) => new($@"(?<![\w-])({alternatives})(?![\w-])", Options);
}
