var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddRazorPages();

var app = builder.Build();

app.UseExceptionHandler("/Error");
app.UseStaticFiles();
app.MapDefaultEndpoints();
app.MapRazorPages();

app.Run();
