using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace TicketSense.Api.Access;

/// <summary>
/// Describes the API-key scheme in the OpenAPI document when keys are configured — as an HTTP bearer token and as the
/// <c>X-Api-Key</c> header, either accepted — so <c>/docs</c> offers to send a key with "Try it".
/// </summary>
public sealed class ApiKeySecurityScheme(IOptions<ApiOptions> api) : IOpenApiDocumentTransformer
{
    private const string Bearer = "bearer";
    private const string Header = "api-key-header";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (!api.Value.KeysConfigured) return Task.CompletedTask;

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key of Api:Keys, as 'Authorization: Bearer KEY'.",
        };
        document.Components.SecuritySchemes[Header] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "The same key, as the X-Api-Key header.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Header, document)] = [] });
        return Task.CompletedTask;
    }
}
