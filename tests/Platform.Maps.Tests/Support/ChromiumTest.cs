using Microsoft.Playwright;

namespace Platform.Maps.Tests.Support;

/// <summary>
/// A test class that drives the pages in headless Chromium: Debian's <c>/usr/bin/chromium</c> (build/test.sh installs it),
/// driven by Playwright for .NET without a browser download. Screenshots go to <see cref="Shots"/> for people to look at.
/// </summary>
public abstract class ChromiumTest : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    protected static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Shots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
