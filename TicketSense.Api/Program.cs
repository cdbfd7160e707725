using TicketSense.Core.Contracts;
using TicketSense.Core.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddTicketSenseStorage();
builder.Services.ConfigureHttpJsonOptions(options => TicketSenseJson.Configure(options.SerializerOptions));
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();

app.Run();
