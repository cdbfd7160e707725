using TicketSense.Web.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddRazorPages();
builder.Services.AddTicketSenseApi();

var app = builder.Build();

app.UseExceptionHandler("/Error");
app.UseStaticFiles();
app.UseRouting();
app.UseAntiforgery();
app.MapDefaultEndpoints();
app.MapRazorPages();
app.MapLiveEvents();

app.Run();
