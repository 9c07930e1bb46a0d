namespace SecureOta.Build.Site;

/// <summary>The dashboard's style sheet: inline in index.html, so the page is one file and needs nothing else.</summary>
internal static class DashboardStyle
{
    public const string Css = """
        :root { color-scheme: light dark; --muted: #667; --line: #ccd; --accent: #1f6feb; --warn: #b35900; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
        h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
        h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; font-size: 1.25rem; }
        h3 { margin: 0 0 .5rem; font-size: 1.1rem; }
        .muted { color: var(--muted); }
        .demo { border: 2px solid var(--warn); color: var(--warn); padding: .5rem 1rem; font-weight: 600; }
        .cards { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(22rem, 100%), 1fr)); }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 .75rem; }
        dt { color: var(--muted); }
        dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { font-weight: 600; }
        td.number { text-align: right; white-space: nowrap; }
        code { font: 12px/1.4 ui-monospace, "SFMono-Regular", Consolas, monospace; word-break: break-all; }
        a { color: var(--accent); }
        ul { margin: .25rem 0; padding-left: 1.25rem; }
        footer { margin-top: 2rem; font-size: .9rem; }
        nav { margin-top: .5rem; }
        .scroll { overflow-x: auto; max-width: 100%; }
        .card, section, li { min-width: 0; }
        th.number { text-align: right; }
        meter { width: 6rem; vertical-align: middle; }
        .state.paused, .soon { color: var(--warn); }
        .state.halted, .expired { color: #c62828; font-weight: 600; }
        ul.keys { list-style: none; padding-left: 0; }
        ul.keys li { margin-bottom: .25rem; }
        pre { font: 12px/1.45 ui-monospace, "SFMono-Regular", Consolas, monospace; border: 1px solid var(--line); border-radius: 4px; padding: .5rem .75rem; overflow-x: auto; white-space: pre; }
        ol li { margin-bottom: .75rem; }
        """;
}
