using System.Security.Cryptography;
using Amazon.Runtime.Internal.Util;
using Amazon.S3;
using Amazon.S3.Model;

namespace Velero.ObjectStorage.Aws;

/// <summary>
/// The flexible checksum of one in-memory body, sent as an <c>x-amz-checksum-*</c> header. With
/// <c>UseChunkEncoding = false</c> the SDK only announces the algorithm (<c>x-amz-sdk-checksum-algorithm</c>) and
/// leaves the value to a trailer it no longer sends, which S3 refuses; so we compute it, from the buffer we
/// already hold. The CRCs are the SDK's own implementations, so the value matches what it would have sent.
/// </summary>
internal static class S3Checksum
{
    public static void Set(PutObjectRequest request, ChecksumAlgorithm algorithm, ArraySegment<byte> body)
    {
        var value = Compute(algorithm, body);
        if (algorithm == ChecksumAlgorithm.CRC32) request.ChecksumCRC32 = value;
        else if (algorithm == ChecksumAlgorithm.CRC32C) request.ChecksumCRC32C = value;
        else if (algorithm == ChecksumAlgorithm.CRC64NVME) request.ChecksumCRC64NVME = value;
        else if (algorithm == ChecksumAlgorithm.SHA1) request.ChecksumSHA1 = value;
        else request.ChecksumSHA256 = value;
    }

    public static void Set(UploadPartRequest request, ChecksumAlgorithm algorithm, ArraySegment<byte> body)
    {
        var value = Compute(algorithm, body);
        if (algorithm == ChecksumAlgorithm.CRC32) request.ChecksumCRC32 = value;
        else if (algorithm == ChecksumAlgorithm.CRC32C) request.ChecksumCRC32C = value;
        else if (algorithm == ChecksumAlgorithm.CRC64NVME) request.ChecksumCRC64NVME = value;
        else if (algorithm == ChecksumAlgorithm.SHA1) request.ChecksumSHA1 = value;
        else request.ChecksumSHA256 = value;
    }

    /// <summary>Base64 of the big-endian digest, as S3 spells checksum headers.</summary>
    internal static string Compute(ChecksumAlgorithm algorithm, ArraySegment<byte> body)
    {
        if (algorithm == ChecksumAlgorithm.SHA256)
        {
            return Convert.ToBase64String(SHA256.HashData(body.AsSpan()));
        }

        if (algorithm == ChecksumAlgorithm.SHA1)
        {
#pragma warning disable CA5350 // An integrity checksum the user chose for S3, not a security control.
            return Convert.ToBase64String(SHA1.HashData(body.AsSpan()));
#pragma warning restore CA5350
        }

        using HashAlgorithm crc = algorithm == ChecksumAlgorithm.CRC32 ? new Crc32Managed()
            : algorithm == ChecksumAlgorithm.CRC32C ? new Crc32cManaged()
            : algorithm == ChecksumAlgorithm.CRC64NVME ? new Crc64NVMEManaged()
            : throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unsupported checksum algorithm");
        // The SDK's CRCs only implement the array overloads (their span path reports a wrong hash size).
        return Convert.ToBase64String(crc.ComputeHash(body.Array!, body.Offset, body.Count));
    }
}
