using TicketSense.Web.Access;
using TicketSense.Web.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddTicketSenseWebAccess();
builder.Services.AddTicketSenseApi();

var app = builder.Build();

app.UseExceptionHandler("/Error");
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapDefaultEndpoints();
app.MapRazorPages();
app.MapLiveEvents().RequireAuthorization(WebAccessRegistration.SignedInPolicy);
app.MapTicketExport().RequireAuthorization(WebAccessRegistration.SignedInPolicy);

app.Run();
