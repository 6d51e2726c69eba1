using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Security;
using Platform.Host.Identity;

namespace Platform.Host.Security;

/// <summary>
/// ASP.NET Core's rate limiter for sign-in (<see cref="PlatformRateLimits.Login"/>: per client address) and for
/// expensive computations (<see cref="PlatformRateLimits.Expensive"/>: a token bucket per signed-in user or anonymous
/// address, and at most <c>Platform:Limits:ConcurrentComputations</c> at once) and for the public's anonymous writes
/// (<see cref="PlatformRateLimits.PublicWrite"/>: per client address). Refusals are 429 problem+json with Retry-After.
/// </summary>
internal static class RateLimits
{
    /// <summary>The default of <c>Platform:Limits:PublicWritesPerAddressPerMinute</c> (<see cref="PlatformRateLimits.PublicWrite"/>).</summary>
    public const int PublicWritesPerAddressPerMinute = 30;

    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perAddress = configuration.GetValue("Platform:Limits:LoginPerAddressPerMinute", LockoutPolicy.PerAddressPerMinute);
        var publicWrites = configuration.GetValue("Platform:Limits:PublicWritesPerAddressPerMinute", PublicWritesPerAddressPerMinute);
        var computations = configuration.GetValue("Platform:Limits:ComputationsPerMinute", 20);
        var concurrent = configuration.GetValue("Platform:Limits:ConcurrentComputations", 2);
        var running = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = concurrent, QueueLimit = 16, QueueProcessingOrder = QueueProcessingOrder.OldestFirst });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ProblemResults.Problem(429, "rate", $"Too many requests of this kind; try again in {retry} s.", $"请求过于频繁，请 {retry} 秒后再试。")
                    .ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(PlatformRateLimits.Login, http => RateLimitPartition.GetSlidingWindowLimiter(Address(http), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = perAddress, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0, AutoReplenishment = true,
            }));
            o.AddPolicy(PlatformRateLimits.Expensive, new ExpensivePolicy(computations, running));
            o.AddPolicy(PlatformRateLimits.PublicWrite, http => RateLimitPartition.GetSlidingWindowLimiter("public:" + Address(http), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = publicWrites, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0, AutoReplenishment = true,
            }));
        });
        return services;
    }

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>A token bucket per caller, chained with one concurrency limit shared by every caller.</summary>
    private sealed class ExpensivePolicy(int perMinute, ConcurrencyLimiter running) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

        public RateLimitPartition<string> GetPartition(HttpContext http)
        {
            var caller = http.User.Identity?.IsAuthenticated == true ? "user:" + http.User.Identity.Name : "address:" + Address(http);
            return RateLimitPartition.Get(caller, key => new ChainedLimiter(
                new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute, TokensPerPeriod = perMinute, ReplenishmentPeriod = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
                }), running));
        }
    }

    /// <summary>Both limiters must grant; the shared one is not disposed with a partition.</summary>
    private sealed class ChainedLimiter(RateLimiter own, RateLimiter shared) : RateLimiter
    {
        public override TimeSpan? IdleDuration => own.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => own.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            var first = own.AttemptAcquire(permitCount);
            if (!first.IsAcquired)
                return first;
            var second = shared.AttemptAcquire(permitCount);
            if (second.IsAcquired)
                return new Both(first, second);
            first.Dispose();
            return second;
        }

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            var first = own.AttemptAcquire(permitCount);
            if (!first.IsAcquired)
                return first;
            var second = await shared.AcquireAsync(permitCount, cancellationToken);
            if (second.IsAcquired)
                return new Both(first, second);
            first.Dispose();
            return second;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                own.Dispose();
        }
    }

    private sealed class Both(RateLimitLease a, RateLimitLease b) : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => a.MetadataNames;

        public override bool TryGetMetadata(string metadataName, out object? metadata) => a.TryGetMetadata(metadataName, out metadata);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                a.Dispose();
                b.Dispose();
            }
        }
    }
}
