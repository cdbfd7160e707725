using TicketSense.Worker.Commands;

// With no command the worker runs as the service the AppHost starts; seed, triage-all, refresh-overview and eval are
// one-shot commands (--help lists them).
return await WorkerCommandLine.InvokeAsync(args);
