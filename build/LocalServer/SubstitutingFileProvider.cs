using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace SecureOta.Build.LocalServer;

/// <summary>The site folder's files, except that paths named by <see cref="LocalSiteFaults.ServeInstead"/> map to other files.</summary>
internal sealed class SubstitutingFileProvider : IFileProvider
{
    private readonly IFileProvider _site;
    private readonly LocalSiteFaults _faults;

    public SubstitutingFileProvider(IFileProvider site, LocalSiteFaults faults)
    {
        _site = site;
        _faults = faults;
    }

    public IFileInfo GetFileInfo(string subpath) =>
        _faults.SubstituteFor(subpath) is { } file ? new PhysicalFileInfo(new FileInfo(file)) : _site.GetFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => _site.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => _site.Watch(filter);
}
