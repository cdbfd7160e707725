using System.Text.RegularExpressions;
using TicketSense.Contracts;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// 2–5 kebab-case tags for a ticket: the topics it names (products, integrations, problems), in the order of their
/// first mention, then the category when fewer than two topics were found. Every tag comes from this fixed
/// vocabulary, never from the ticket's own words, so no email address, phone or card number can become a tag.
/// </summary>
public static partial class KeywordTags
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Around a topic's alternatives: no letter, digit or dash either side, as for the cues (TriageCues). Each pattern
    // is source-generated ([GeneratedRegex]) rather than compiled at start-up.
    private const string Before = @"(?<![\w-])(";
    private const string After = @")(?![\w-])";

    private static readonly (string Tag, Regex Pattern)[] Topics =
    [
        ("security-incident", SecurityIncident()),
        ("data-loss", DataLoss()),
        ("legal-threat", LegalThreat()),
        ("outage", Outage()),
        ("double-charge", DoubleCharge()),
        ("refund", Refund()),
        ("invoice", Invoice()),
        ("payment", Payment()),
        ("pricing", Pricing()),
        ("subscription", Subscription()),
        ("tax", Tax()),
        ("sso", Sso()),
        ("two-factor-auth", TwoFactorAuth()),
        ("login", Login()),
        ("user-management", UserManagement()),
        ("api", Api()),
        ("webhooks", Webhooks()),
        ("quickbooks", Quickbooks()),
        ("xero", Xero()),
        ("salesforce", Salesforce()),
        ("shopify", Shopify()),
        ("stripe", Stripe()),
        ("mobile-app", MobileApp()),
        ("data-export", DataExport()),
        ("data-import", DataImport()),
        ("reporting", Reporting()),
        ("performance", Performance()),
        ("email-delivery", EmailDelivery()),
        ("compliance", Compliance()),
        ("churn-risk", ChurnRisk()),
        ("support-experience", SupportExperience()),
        ("network", Network()),
        ("ssl-certificate", SslCertificate()),
        ("hardware", Hardware()),
        ("order-delivery", OrderDelivery()),
        ("returns", Returns()),
        ("documentation", Documentation()),
        ("praise", Praise()),
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

    [GeneratedRegex(Before + @"breach(ed)?|hack(ed)?|unauthori[sz]ed (access|login)|phishing|compromised|leaked|account takeover|suspicious (login|activity)" + After, Options)]
    private static partial Regex SecurityIncident();

    [GeneratedRegex(Before + @"data loss|(lost|deleted|wiped|missing|corrupt(ed)?) (data|invoices|records|files|orders)|(data|invoices|records) (lost|gone|deleted|wiped|corrupted)" + After, Options)]
    private static partial Regex DataLoss();

    [GeneratedRegex(Before + @"lawyer|attorney|solicitor|lawsuit|legal action|breach of contract|notice of breach|regulator|ombudsman|small claims" + After, Options)]
    private static partial Regex LegalThreat();

    [GeneratedRegex(Before + @"outage|is down|are down|went down|site down|unavailable|50[234]" + After, Options)]
    private static partial Regex Outage();

    [GeneratedRegex(Before + @"charged twice|double(-| )charg\w*|duplicate (charge|payment)|charged 2x" + After, Options)]
    private static partial Regex DoubleCharge();

    [GeneratedRegex(Before + @"refunds?|refunded|money back" + After, Options)]
    private static partial Regex Refund();

    [GeneratedRegex(Before + @"invoices?" + After, Options)]
    private static partial Regex Invoice();

    [GeneratedRegex(Before + @"payments?|card (declined|payments?)|ach|sepa|direct debit" + After, Options)]
    private static partial Regex Payment();

    [GeneratedRegex(Before + @"pric(e|es|ing)|price increase|quote|discount" + After, Options)]
    private static partial Regex Pricing();

    [GeneratedRegex(Before + @"subscription|plan|upgrade|downgrade|renewal|cancel(l?ation)?" + After, Options)]
    private static partial Regex Subscription();

    [GeneratedRegex(Before + @"vat|sales tax|tax (id|number|rate)|gst" + After, Options)]
    private static partial Regex Tax();

    [GeneratedRegex(Before + @"sso|saml|okta|azure ad|entra|single sign-on" + After, Options)]
    private static partial Regex Sso();

    [GeneratedRegex(Before + @"2fa|mfa|two-factor|authenticator" + After, Options)]
    private static partial Regex TwoFactorAuth();

    [GeneratedRegex(Before + @"log ?in|sign ?in|locked out|password" + After, Options)]
    private static partial Regex Login();

    [GeneratedRegex(Before + @"users?|seats?|roles?|permissions?|admin access|scim|offboard\w*|new hire" + After, Options)]
    private static partial Regex UserManagement();

    [GeneratedRegex(Before + @"api|endpoint|rest" + After, Options)]
    private static partial Regex Api();

    [GeneratedRegex(Before + @"webhooks?" + After, Options)]
    private static partial Regex Webhooks();

    [GeneratedRegex(Before + @"quickbooks|qbo" + After, Options)]
    private static partial Regex Quickbooks();

    [GeneratedRegex(Before + @"xero" + After, Options)]
    private static partial Regex Xero();

    [GeneratedRegex(Before + @"salesforce" + After, Options)]
    private static partial Regex Salesforce();

    [GeneratedRegex(Before + @"shopify" + After, Options)]
    private static partial Regex Shopify();

    [GeneratedRegex(Before + @"stripe" + After, Options)]
    private static partial Regex Stripe();

    [GeneratedRegex(Before + @"android|ios|iphone|ipad|mobile app|the app" + After, Options)]
    private static partial Regex MobileApp();

    [GeneratedRegex(Before + @"exports?|csv|download" + After, Options)]
    private static partial Regex DataExport();

    [GeneratedRegex(Before + @"imports?|migrat(e|ion)" + After, Options)]
    private static partial Regex DataImport();

    [GeneratedRegex(Before + @"reports?|dashboard" + After, Options)]
    private static partial Regex Reporting();

    [GeneratedRegex(Before + @"slow|performance|latency|timeouts?|timing out" + After, Options)]
    private static partial Regex Performance();

    [GeneratedRegex(Before + @"emails? (not|never) (arriv|deliver|sent)\w*|bounced?|spam folder" + After, Options)]
    private static partial Regex EmailDelivery();

    [GeneratedRegex(Before + @"soc ?2|dpa|gdpr|hipaa|baa|iso ?27001|audit|questionnaire|pen(etration)? test" + After, Options)]
    private static partial Regex Compliance();

    [GeneratedRegex(Before + @"competitor|switch(ing)? to|leaving|cancel (our|my) (account|subscription)|moving to" + After, Options)]
    private static partial Regex ChurnRisk();

    [GeneratedRegex(Before + @"no (reply|response)|still waiting|support (team|agent)|rude|ticket #?\d+" + After, Options)]
    private static partial Regex SupportExperience();

    [GeneratedRegex(Before + @"vpn|wi-?fi|internet|network|dns" + After, Options)]
    private static partial Regex Network();

    [GeneratedRegex(Before + @"ssl|tls|certificate" + After, Options)]
    private static partial Regex SslCertificate();

    [GeneratedRegex(Before + @"laptop|printer|monitor|keyboard|phone|device" + After, Options)]
    private static partial Regex Hardware();

    [GeneratedRegex(Before + @"orders?|deliver(y|ed)|shipping|parcel|package|tracking" + After, Options)]
    private static partial Regex OrderDelivery();

    [GeneratedRegex(Before + @"return (request|label|policy|it)|returned (the |an? )?(item|order|parcel)|exchange|wrong (item|size)" + After, Options)]
    private static partial Regex Returns();

    [GeneratedRegex(Before + @"docs|documentation|guide|how (do|can) (i|we)" + After, Options)]
    private static partial Regex Documentation();

    [GeneratedRegex(Before + @"thank you|thanks so much|love|amazing|fantastic|great job|kudos" + After, Options)]
    private static partial Regex Praise();
}
