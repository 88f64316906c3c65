"""The shared sandbox core: what every platform's local sandbox (ServiceNow today, HaloITSM and GLPI
next) has in common, so a platform writes only its wire protocol.

What the core gives
-------------------
- `server.SandboxServer`: HTTPS with the sandbox's own CA (`tls.ensure_certificates`, kept in
  `<data-dir>/tls/ca.pem` so clients keep trusting it across restarts; `https=False` for plain HTTP),
  threaded, `start()` in a background thread (tests) or `serve_forever()` (the command). State lives in
  `<data-dir>/sandbox.sqlite3` (`reset=True` deletes it first); without a data directory the state is
  in memory and the certificates sit in a temporary directory removed by `stop()`.
- `gateway.Gateway`, in front of the platform's app:
  `/` the status page (the platform's tables, then the last 200 requests);
  `/sandbox/stats` the request counts as JSON, exactly
  `{"since", "total", "by_api", "by_method", "by_status", "by_api_method", "committing_calls"}`;
  `POST /sandbox/stats/reset` zeroes them (other methods: 405 in the platform's error shape).
  Other `/sandbox/...` paths go to the platform unfaulted and uncounted (its own pages, e.g. an import
  form). Every other request may draw a fault and is counted in the stats and the request log.
- `faults`: `--faults [PREFIX@]KIND:RATE,...` with `--fault-seed`; the same seed gives the same faults in
  the same request order. Kinds 500, 502, 503 (rendered by the platform's `error_response`), 429 (bare
  text, no rate-limit headers), reset (TCP reset), slow (`slow_seconds` delay, then a normal answer).
  `server.faults.enabled` / `.faults` can be changed live.
- `limits.RateLimiter(limit, window_seconds, time_scale, rolling=...)`: fixed clock-aligned windows
  (ServiceNow: per user per hour) or rolling ones (Halo: 300 per rolling five minutes); `check(key)`
  returns a `Verdict` (allowed, limit, reset, retry_after) or None when unlimited.
- `store.JsonStore`: tables of JSON records keyed by `key_field`, in memory and written through to
  SQLite, with transactions (undone in memory too on error), blobs, meta values and counters;
  `store.read_seed_file` reads a `--seed` file (`{"<table>": [{...}, ...]}`, size-checked first).
- `command`: `add_common_arguments(parser, port=…, data_dir=…, rate_limit_metavar=…,
  rate_limit_help=…, time_scale_help=…, rate_limit_default=…)` adds `--host --port --http --data-dir
  --reset --seed --rate-limit --time-scale --faults --fault-seed`; `common_config(options, kinds)`
  checks them and returns the `config.ServerConfig` fields; `run(start, out, title, lines)` starts,
  prints the URL, the CA file and the platform's lines, and serves until interrupted.

How a platform plugs in
-----------------------
1. Config: a dataclass extending `config.ServerConfig` with the platform's settings and defaults
   (e.g. `port: int = 8443`); `rate_limit` means whatever the platform's window is.
2. App: a `gateway.Platform` subclass. `__call__(environ, start_response)` is its WSGI app (a plain
   WSGI app can be called from there). It sets `environ[gateway.USER]` to whom the request log should
   show, and renders any fault kind it lists in `fault_kinds`, found in `environ[gateway.FAULT]`
   (ServiceNow renders its own 5xx/429 and `hibernate`). Hooks, all with defaults: `title`, `links`
   (its own `/sandbox/...` pages), `api_of(path)` (the `by_api` name), `committing(method, path, api)`
   (counts in `committing_calls` when the answer is below 400), `error_response(status, message,
   detail)` (its error shape), `status_tables()`. It applies rate limits itself, after authentication,
   because only it knows whom a request counts against and how a refusal looks.
3. Server: a `server.SandboxServer` subclass with `name`, `store_class` (a `JsonStore` subclass with
   the platform's `key_field` and table semantics), `fault_kinds` (the core's `faults.KINDS` plus its
   own) and `build_app()`, which returns the app built from `self.config`, `self.store`, `self.url`,
   `self.book` and `self.faults`, and loads `config.seed_files`.
4. Command: the platform's `sandbox()` module has `add_arguments(parser)` (calling
   `add_common_arguments` with its defaults, then its own options) and `serve(options, out)` (calling
   `common_config`, building its config, then `run`). `manage.py sandbox <platform>` finds it.

`integrations.servicenow.sandbox` is the worked example; `tests/integrations/test_sandbox_core.py` plugs
in a two-route platform.
"""
