using System.Security.Cryptography;
using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Terminology.Storage;

/// <summary>
/// Follows an import: counts the bytes read from the RF2 files (through <see cref="Wrap"/>) and the rows COPYed,
/// hashes each file as it is read, and reports to the caller's progress.
/// </summary>
internal sealed class ImportTracker(long totalBytes, IProgress<SnomedImportProgress>? progress)
{
    private readonly List<SnomedImportFile> _files = [];
    private long _bytes;
    private long _rows;
    private string _stage = "starting";

    public IReadOnlyList<SnomedImportFile> Files => _files;

    public void Stage(string stage)
    {
        _stage = stage;
        Report();
    }

    public void AddRows(long n)
    {
        _rows += n;
        Report();
    }

    public Func<Stream, Stream> For(Rf2File file) => inner => new TrackingStream(inner, file.Name, this);

    private void Report() => progress?.Report(new SnomedImportProgress(_stage, Interlocked.Read(ref _bytes), totalBytes, _rows));

    /// <summary>Counts and hashes what is read; records the file when read to its end.</summary>
    private sealed class TrackingStream(Stream inner, string name, ImportTracker tracker) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;
        private bool _recorded;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            if (n > 0)
            {
                _hash.AppendData(buffer[..n]);
                _length += n;
                Interlocked.Add(ref tracker._bytes, n);
            }
            else if (!_recorded)
            {
                _recorded = true;
                lock (tracker._files)
                {
                    tracker._files.Add(new SnomedImportFile(name, _length, Convert.ToHexStringLower(_hash.GetHashAndReset())));
                }
            }

            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
