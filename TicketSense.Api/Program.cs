using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using TicketSense.Api;
using TicketSense.Api.Access;
using TicketSense.Api.Alerts;
using TicketSense.Api.Errors;
using TicketSense.Api.Events;
using TicketSense.Api.Exports;
using TicketSense.Api.Health;
using TicketSense.Api.Info;
using TicketSense.Api.Model;
using TicketSense.Api.Overview;
using TicketSense.Api.RateLimiting;
using TicketSense.Api.Tickets;
using TicketSense.Core;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Learning;
using TicketSense.Core.Overview;
using TicketSense.Core.Privacy;
using TicketSense.Core.Tickets;
using TicketSense.Core.Triage;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCustomerContentRedaction();
builder.AddTicketSenseStorage();
builder.AddTicketSenseTriage();
builder.AddTicketSenseLearning();
builder.AddTicketSenseOverview();

builder.Services.AddValidatedOptions<ApiOptions, ApiOptionsValidator>(builder.Configuration, ApiOptions.Section);
builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) =>
    kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBytes);
builder.Services.ConfigureHttpJsonOptions(options => TicketSenseJson.Configure(options.SerializerOptions));
// Binding failures (unreadable JSON, a body over the limit) reach ApiExceptionHandler, which names the field.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddOpenApi(options => options.AddDocumentTransformer<ApiKeySecurityScheme>());
builder.Services.AddTicketSenseAccess();
builder.Services.AddTicketSenseRateLimiting();

builder.Services.AddScoped<TicketIntake>();
builder.Services.AddScoped<TriageCorrections>();
builder.Services.AddSingleton<LiveEventHub>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<LiveEventHub>());
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseMigratedCheck>("migrated")
    .AddCheck<LocalModelReadyCheck>("local-model");

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseCallerIdentity();
// After authentication, so a caller with a key is limited by its key's name, not by its address.
app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapScalarApiReference("/docs");
app.MapInfo();
// Tickets and the overview need the migrated schema; /events does not (no event comes before a triage).
var storage = app.MapGroup("").RequireMigratedDatabase();
storage.MapTickets();
storage.MapExports();
storage.MapOverview();
storage.MapModel();
storage.MapAlerts();
storage.MapSpikes();
app.MapEvents();

app.Run();
