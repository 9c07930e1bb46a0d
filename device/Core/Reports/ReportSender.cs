using System;
using SecureOta.Device.Core.Json;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Reports
{
    /// <summary>
    /// Sends the queued reports, oldest first, until the queue is empty, the deadline passes or the
    /// collector asks to wait (docs/PROTOCOL.md section 11d.3). Before each request the counter grows by
    /// one and the state is written, so no counter is ever sent twice, whatever power cut follows.
    /// 204 and 409 drop the report (stored, or stored already); 400, 401, 413, 415, 422 and any other 4xx
    /// drop it as refused (counted, never retried); 429, 5xx, other statuses, a network or TLS failure and
    /// the deadline keep it for the next poll.
    /// </summary>
    internal sealed class ReportSender
    {
        private readonly ReportQueueStore _store;
        private readonly IHmacSha256 _hmac;
        private readonly IClock _clock;
        private readonly RecipientKey _device;
        private readonly string _channel;
        private readonly ReportOptions _options;
        private readonly ReportBodyWriter _body = new ReportBodyWriter();
        private readonly byte[] _mac = new byte[32];
        private TrustedCollector _pinned;

        public ReportSender(ReportQueueStore store, IHmacSha256 hmac, IClock clock, RecipientKey device, string channel, ReportOptions options)
        {
            _store = store;
            _hmac = hmac;
            _clock = clock;
            _device = device;
            _channel = channel;
            _options = options;
        }

        /// <summary>Reports the collector stored (or had) in this device's last send.</summary>
        public int Sent { get; private set; }

        /// <summary>Sends what <paramref name="state"/> (just loaded) holds; I/O failures of the state propagate.</summary>
        public void Send(ReportQueueState state, TrustedCollector collector)
        {
            Sent = 0;
            if (state.Count == 0) return;
            if (!EnsureMacKey(state, collector)) return;
            long deadline = _clock.MonotonicMilliseconds + _options.DeadlineSeconds * 1000L;
            if (_pinned != collector)
            {
                _options.Transport.UseCollector(collector);
                _pinned = collector;
            }
            bool dirty = false;
            while (state.Count > 0)
            {
                long left = deadline - _clock.MonotonicMilliseconds;
                if (left <= 0)
                {
                    Log(state.Count + " report(s) kept for the next poll: the reporting deadline passed");
                    break;
                }
                ReportEntry entry = state.Get(0);
                state.Counter = state.Counter + 1;
                // On flash before the request leaves: a counter is never sent twice.
                _store.Save(state);
                dirty = false;
                int length = _body.Write(entry, _device.Id, state.Counter, _channel);
                _hmac.Compute(state.MacKey, _body.Buffer, 0, length, _mac, 0);
                int status;
                try
                {
                    status = _options.Transport.Post(_device.Id, Hex.Encode(_mac), _body.Buffer, length, left > int.MaxValue ? int.MaxValue : (int)left);
                }
                catch (TransportException e)
                {
                    Log(Describe(entry, state.Counter) + " kept for the next poll: " + e.Message);
                    break;
                }
                if (status == 204 || status == 409)
                {
                    state.RemoveFirst();
                    dirty = true;
                    Sent++;
                    Log(Describe(entry, state.Counter) + (status == 204 ? " stored by the collector" : " already stored (409)"));
                    continue;
                }
                if (status == 429 || status >= 500 || status < 400)
                {
                    Log(Describe(entry, state.Counter) + " kept for the next poll: the collector answered " + status);
                    break;
                }
                state.Refused = state.Refused + 1;
                state.LastRefusal = status;
                state.RemoveFirst();
                dirty = true;
                Log(Describe(entry, state.Counter) + " refused by the collector (" + status + ") and dropped; check the device's registration and the root's collector key");
            }
            if (dirty) _store.Save(state);
        }

        /// <summary>Derives and stores the MAC key once per collector key; false when that key shares no secret.</summary>
        private bool EnsureMacKey(ReportQueueState state, TrustedCollector collector)
        {
            if (!Crypto.ConstantTime.IsZero(state.MacKey, 0, state.MacKey.Length)) return true;
            byte[] macKey;
            if (!ReportMacKey.TryDerive(_hmac, _device, collector.Key, out macKey))
            {
                Log("the collector key of the trusted root shares no secret with this device (a low-order point); no report is sent until a root names a valid key");
                return false;
            }
            state.SetKeys(collector.Key, macKey);
            Array.Clear(macKey, 0, macKey.Length);
            _store.Save(state);
            return true;
        }

        private static string Describe(ReportEntry entry, long counter)
        {
            return "report " + counter + " (" + ReportKinds.Name(entry.Kind) + " " + entry.Version + ")";
        }

        private void Log(string line)
        {
            if (_options.Log != null) _options.Log(line);
        }
    }
}
