using System;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// SHA-512 (FIPS 180-4), incremental. nanoFramework has no SHA-512, and Ed25519 verification
    /// hashes R || A || message with it. One instance owns all its buffers, so Update never allocates;
    /// Final writes the digest and resets the instance for the next message.
    /// </summary>
    public sealed class Sha512
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashSize = 64;

        /// <summary>Compression block length in bytes.</summary>
        public const int BlockSize = 128;

        // FIPS 180-4 section 4.2.3: the first 64 bits of the fractional parts of the cube roots of the
        // first 80 primes (generated for this file from that definition, not copied).
        private static readonly ulong[] RoundConstants =
        {
            0x428a2f98d728ae22UL, 0x7137449123ef65cdUL, 0xb5c0fbcfec4d3b2fUL, 0xe9b5dba58189dbbcUL,
            0x3956c25bf348b538UL, 0x59f111f1b605d019UL, 0x923f82a4af194f9bUL, 0xab1c5ed5da6d8118UL,
            0xd807aa98a3030242UL, 0x12835b0145706fbeUL, 0x243185be4ee4b28cUL, 0x550c7dc3d5ffb4e2UL,
            0x72be5d74f27b896fUL, 0x80deb1fe3b1696b1UL, 0x9bdc06a725c71235UL, 0xc19bf174cf692694UL,
            0xe49b69c19ef14ad2UL, 0xefbe4786384f25e3UL, 0x0fc19dc68b8cd5b5UL, 0x240ca1cc77ac9c65UL,
            0x2de92c6f592b0275UL, 0x4a7484aa6ea6e483UL, 0x5cb0a9dcbd41fbd4UL, 0x76f988da831153b5UL,
            0x983e5152ee66dfabUL, 0xa831c66d2db43210UL, 0xb00327c898fb213fUL, 0xbf597fc7beef0ee4UL,
            0xc6e00bf33da88fc2UL, 0xd5a79147930aa725UL, 0x06ca6351e003826fUL, 0x142929670a0e6e70UL,
            0x27b70a8546d22ffcUL, 0x2e1b21385c26c926UL, 0x4d2c6dfc5ac42aedUL, 0x53380d139d95b3dfUL,
            0x650a73548baf63deUL, 0x766a0abb3c77b2a8UL, 0x81c2c92e47edaee6UL, 0x92722c851482353bUL,
            0xa2bfe8a14cf10364UL, 0xa81a664bbc423001UL, 0xc24b8b70d0f89791UL, 0xc76c51a30654be30UL,
            0xd192e819d6ef5218UL, 0xd69906245565a910UL, 0xf40e35855771202aUL, 0x106aa07032bbd1b8UL,
            0x19a4c116b8d2d0c8UL, 0x1e376c085141ab53UL, 0x2748774cdf8eeb99UL, 0x34b0bcb5e19b48a8UL,
            0x391c0cb3c5c95a63UL, 0x4ed8aa4ae3418acbUL, 0x5b9cca4f7763e373UL, 0x682e6ff3d6b2b8a3UL,
            0x748f82ee5defb2fcUL, 0x78a5636f43172f60UL, 0x84c87814a1f0ab72UL, 0x8cc702081a6439ecUL,
            0x90befffa23631e28UL, 0xa4506cebde82bde9UL, 0xbef9a3f7b2c67915UL, 0xc67178f2e372532bUL,
            0xca273eceea26619cUL, 0xd186b8c721c0c207UL, 0xeada7dd6cde0eb1eUL, 0xf57d4f7fee6ed178UL,
            0x06f067aa72176fbaUL, 0x0a637dc5a2c898a6UL, 0x113f9804bef90daeUL, 0x1b710b35131c471bUL,
            0x28db77f523047d84UL, 0x32caab7b40c72493UL, 0x3c9ebe0a15c9bebcUL, 0x431d67c49c100d4cUL,
            0x4cc5d4becb3e42b6UL, 0x597f299cfc657e2aUL, 0x5fcb6fab3ad6faecUL, 0x6c44198c4a475817UL,
        };

        // FIPS 180-4 section 5.3.5: fractional parts of the square roots of the first 8 primes.
        private static readonly ulong[] InitialState =
        {
            0x6a09e667f3bcc908UL, 0xbb67ae8584caa73bUL, 0x3c6ef372fe94f82bUL, 0xa54ff53a5f1d36f1UL,
            0x510e527fade682d1UL, 0x9b05688c2b3e6c1fUL, 0x1f83d9abfb41bd6bUL, 0x5be0cd19137e2179UL,
        };

        private readonly ulong[] state = new ulong[8];
        private readonly ulong[] schedule = new ulong[80];
        private readonly byte[] pending = new byte[BlockSize];
        private int pendingCount;
        private long totalBytes;

        /// <summary>Creates a hasher ready for a new message.</summary>
        public Sha512()
        {
            Reset();
        }

        /// <summary>Discards any absorbed input and starts a new message.</summary>
        public void Reset()
        {
            Array.Copy(InitialState, state, 8);
            Array.Clear(pending, 0, BlockSize);
            pendingCount = 0;
            totalBytes = 0;
        }

        /// <summary>Absorbs data[offset, +count).</summary>
        public void Update(byte[] data, int offset, int count)
        {
            if (data == null) throw new ArgumentNullException("data");
            if (offset < 0 || count < 0 || offset > data.Length - count) throw new ArgumentOutOfRangeException("count");

            totalBytes += count;
            if (pendingCount > 0)
            {
                int take = BlockSize - pendingCount;
                if (take > count) take = count;
                Array.Copy(data, offset, pending, pendingCount, take);
                pendingCount += take;
                offset += take;
                count -= take;
                if (pendingCount < BlockSize) return;
                Compress(pending, 0);
                pendingCount = 0;
            }

            // Whole blocks are compressed straight from the caller's array: no copy on the bulk path.
            while (count >= BlockSize)
            {
                Compress(data, offset);
                offset += BlockSize;
                count -= BlockSize;
            }

            if (count > 0)
            {
                Array.Copy(data, offset, pending, 0, count);
                pendingCount = count;
            }
        }

        /// <summary>Pads, writes the 64-byte digest to output[outputOffset, +64) and resets.</summary>
        public void Final(byte[] output, int outputOffset)
        {
            if (output == null) throw new ArgumentNullException("output");
            if (outputOffset < 0 || outputOffset > output.Length - HashSize) throw new ArgumentOutOfRangeException("outputOffset");

            // Padding: a 1 bit, zeros, then the message length in bits as a 128-bit big-endian number.
            pending[pendingCount++] = 0x80;
            if (pendingCount > BlockSize - 16)
            {
                Array.Clear(pending, pendingCount, BlockSize - pendingCount);
                Compress(pending, 0);
                pendingCount = 0;
            }
            Array.Clear(pending, pendingCount, BlockSize - pendingCount);
            WriteBigEndian((ulong)totalBytes >> 61, pending, BlockSize - 16);
            WriteBigEndian((ulong)totalBytes << 3, pending, BlockSize - 8);
            Compress(pending, 0);

            for (int i = 0; i < 8; i++)
            {
                WriteBigEndian(state[i], output, outputOffset + 8 * i);
            }
            Reset();
        }

        /// <summary>One-shot SHA-512 of data[offset, +count).</summary>
        public static byte[] Hash(byte[] data, int offset, int count)
        {
            Sha512 hasher = new Sha512();
            hasher.Update(data, offset, count);
            byte[] digest = new byte[HashSize];
            hasher.Final(digest, 0);
            return digest;
        }

        private void Compress(byte[] block, int offset)
        {
            unchecked
            {
                ulong[] w = schedule;
                for (int t = 0; t < 16; t++)
                {
                    w[t] = ReadBigEndian(block, offset + 8 * t);
                }
                for (int t = 16; t < 80; t++)
                {
                    ulong x = w[t - 15];
                    ulong y = w[t - 2];
                    ulong sigma0 = ((x >> 1) | (x << 63)) ^ ((x >> 8) | (x << 56)) ^ (x >> 7);
                    ulong sigma1 = ((y >> 19) | (y << 45)) ^ ((y >> 61) | (y << 3)) ^ (y >> 6);
                    w[t] = sigma1 + w[t - 7] + sigma0 + w[t - 16];
                }

                ulong a = state[0], b = state[1], c = state[2], d = state[3];
                ulong e = state[4], f = state[5], g = state[6], h = state[7];
                ulong[] k = RoundConstants;
                // Eight rounds per pass with the working variables renamed instead of shifted: the
                // eight moves per round of the textbook loop cost as much as a third of a round on the
                // interpreter. Choice as g ^ (e & (f ^ g)), majority as (a & b) | (c & (a | b)).
                for (int t = 0; t < 80; t += 8)
                {
                    ulong t1;
                    t1 = h + ((((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23)))) + (g ^ (e & (f ^ g))) + k[t] + w[t];
                    d += t1;
                    h = t1 + ((((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25)))) + ((a & b) | (c & (a | b)));
                    t1 = g + ((((d >> 14) | (d << 50)) ^ ((d >> 18) | (d << 46)) ^ ((d >> 41) | (d << 23)))) + (f ^ (d & (e ^ f))) + k[t + 1] + w[t + 1];
                    c += t1;
                    g = t1 + ((((h >> 28) | (h << 36)) ^ ((h >> 34) | (h << 30)) ^ ((h >> 39) | (h << 25)))) + ((h & a) | (b & (h | a)));
                    t1 = f + ((((c >> 14) | (c << 50)) ^ ((c >> 18) | (c << 46)) ^ ((c >> 41) | (c << 23)))) + (e ^ (c & (d ^ e))) + k[t + 2] + w[t + 2];
                    b += t1;
                    f = t1 + ((((g >> 28) | (g << 36)) ^ ((g >> 34) | (g << 30)) ^ ((g >> 39) | (g << 25)))) + ((g & h) | (a & (g | h)));
                    t1 = e + ((((b >> 14) | (b << 50)) ^ ((b >> 18) | (b << 46)) ^ ((b >> 41) | (b << 23)))) + (d ^ (b & (c ^ d))) + k[t + 3] + w[t + 3];
                    a += t1;
                    e = t1 + ((((f >> 28) | (f << 36)) ^ ((f >> 34) | (f << 30)) ^ ((f >> 39) | (f << 25)))) + ((f & g) | (h & (f | g)));
                    t1 = d + ((((a >> 14) | (a << 50)) ^ ((a >> 18) | (a << 46)) ^ ((a >> 41) | (a << 23)))) + (c ^ (a & (b ^ c))) + k[t + 4] + w[t + 4];
                    h += t1;
                    d = t1 + ((((e >> 28) | (e << 36)) ^ ((e >> 34) | (e << 30)) ^ ((e >> 39) | (e << 25)))) + ((e & f) | (g & (e | f)));
                    t1 = c + ((((h >> 14) | (h << 50)) ^ ((h >> 18) | (h << 46)) ^ ((h >> 41) | (h << 23)))) + (b ^ (h & (a ^ b))) + k[t + 5] + w[t + 5];
                    g += t1;
                    c = t1 + ((((d >> 28) | (d << 36)) ^ ((d >> 34) | (d << 30)) ^ ((d >> 39) | (d << 25)))) + ((d & e) | (f & (d | e)));
                    t1 = b + ((((g >> 14) | (g << 50)) ^ ((g >> 18) | (g << 46)) ^ ((g >> 41) | (g << 23)))) + (a ^ (g & (h ^ a))) + k[t + 6] + w[t + 6];
                    f += t1;
                    b = t1 + ((((c >> 28) | (c << 36)) ^ ((c >> 34) | (c << 30)) ^ ((c >> 39) | (c << 25)))) + ((c & d) | (e & (c | d)));
                    t1 = a + ((((f >> 14) | (f << 50)) ^ ((f >> 18) | (f << 46)) ^ ((f >> 41) | (f << 23)))) + (h ^ (f & (g ^ h))) + k[t + 7] + w[t + 7];
                    e += t1;
                    a = t1 + ((((b >> 28) | (b << 36)) ^ ((b >> 34) | (b << 30)) ^ ((b >> 39) | (b << 25)))) + ((b & c) | (d & (b | c)));
                }

                state[0] += a;
                state[1] += b;
                state[2] += c;
                state[3] += d;
                state[4] += e;
                state[5] += f;
                state[6] += g;
                state[7] += h;
            }
        }

        private static ulong ReadBigEndian(byte[] buffer, int offset)
        {
            uint high = ((uint)buffer[offset] << 24) | ((uint)buffer[offset + 1] << 16)
                | ((uint)buffer[offset + 2] << 8) | buffer[offset + 3];
            uint low = ((uint)buffer[offset + 4] << 24) | ((uint)buffer[offset + 5] << 16)
                | ((uint)buffer[offset + 6] << 8) | buffer[offset + 7];
            return ((ulong)high << 32) | low;
        }

        private static void WriteBigEndian(ulong value, byte[] buffer, int offset)
        {
            for (int i = 7; i >= 0; i--)
            {
                buffer[offset + i] = (byte)value;
                value >>= 8;
            }
        }
    }
}
