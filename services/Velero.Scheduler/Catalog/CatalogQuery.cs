using Npgsql;

namespace Velero.Scheduler.Catalog;

/// <summary>Reads the <c>catalog_backups</c> view: every backup of every cluster served, in one list.</summary>
public static class CatalogQuery
{
    public static async Task<IReadOnlyList<CatalogBackup>> ListBackupsAsync(NpgsqlDataSource dataSource, CatalogFilter filter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand("""
            select cluster, namespace, name, uid, phase, size_bytes, items_total, items_backed_up, warnings, errors,
                   storage_location, created_at, completed_at, expiration, origin, deleted_at
            from catalog_backups
            where (@cluster::text is null or cluster = @cluster)
              and (@location::text is null or storage_location = @location)
              and (@phase::text is null or phase = @phase)
              and (@includeDeleted or deleted_at is null)
            order by cluster, name, created_at
            """);
        command.Parameters.AddWithValue("cluster", (object?)filter.Cluster ?? DBNull.Value);
        command.Parameters.AddWithValue("location", (object?)filter.StorageLocation ?? DBNull.Value);
        command.Parameters.AddWithValue("phase", (object?)filter.Phase ?? DBNull.Value);
        command.Parameters.AddWithValue("includeDeleted", filter.IncludeDeleted);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var backups = new List<CatalogBackup>();
        while (await reader.ReadAsync(cancellationToken))
        {
            backups.Add(new CatalogBackup
            {
                Cluster = reader.GetString(0),
                Namespace = reader.GetString(1),
                Name = reader.GetString(2),
                Uid = reader.GetString(3),
                Phase = reader.GetString(4),
                SizeBytes = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                ItemsTotal = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                ItemsBackedUp = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                Warnings = reader.IsDBNull(8) ? null : reader.GetInt32(8),
                Errors = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                StorageLocation = reader.IsDBNull(10) ? null : reader.GetString(10),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(11),
                CompletedAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
                Expiration = reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
                Origin = reader.GetString(14),
                DeletedAt = reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15),
            });
        }

        return backups;
    }
}
