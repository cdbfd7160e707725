using TicketSense.Core.Data;

var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddTicketSenseStorage();

builder.Build().Run();
