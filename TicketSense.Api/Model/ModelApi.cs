using Microsoft.AspNetCore.Http.HttpResults;
using TicketSense.Api.Access;
using TicketSense.Contracts;
using TicketSense.Core.Learning;

namespace TicketSense.Api.Model;

/// <summary><c>/model</c>: the local model version every replica serves, and asking for a new one trained on the corrections.</summary>
public static class ModelApi
{
    public static RouteGroupBuilder MapModel(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/model").WithTags("Model");

        group.MapGet("/", GetAsync)
            .WithName("GetModel")
            .WithSummary("The local model's version, training status and accuracy")
            .WithDescription("version counts from 1 (trained on the seed set alone); status is training while a training is " +
                "asked for or running; examples and corrections count the tickets it learned from; accuracy is its 5-fold " +
                "cross-validation per dimension, null until computed. 503 before the first version is stored.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireReadAccess();

        group.MapPost("/retrain", RetrainAsync)
            .WithName("RetrainModel")
            .WithSummary("Train a new version on the seed set and every correction")
            .WithDescription("202: a Worker trains it in the background (or the training already asked for is joined: never 409). " +
                "Every replica serves the new version within seconds of it being stored; GET /model follows it.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireWriteAccess();

        return group;
    }

    private static async Task<Results<Ok<ModelResponse>, ProblemHttpResult>> GetAsync(ModelStore store, CancellationToken cancellationToken)
    {
        if (await store.NewestAsync(cancellationToken) is not { } model) return NoModelYet();
        var training = await store.UnfinishedTrainingAsync(cancellationToken);
        return TypedResults.Ok(model.ToResponse(training is null ? ModelStatus.Ready : ModelStatus.Training));
    }

    private static async Task<Results<Accepted<ModelResponse>, ProblemHttpResult>> RetrainAsync(ModelStore store, CancellationToken cancellationToken)
    {
        if (await store.NewestAsync(cancellationToken) is not { } model) return NoModelYet();
        await store.RequestTrainingAsync(ModelTraining.Requested, cancellationToken);
        return TypedResults.Accepted("/model", model.ToResponse(ModelStatus.Training));
    }

    private static ProblemHttpResult NoModelYet() => TypedResults.Problem(
        title: "The local model is not stored yet.",
        detail: "The first version is stored within seconds of the first Api or Worker start; try again shortly.",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        extensions: new Dictionary<string, object?> { ["retry_after_seconds"] = 2 });
}
