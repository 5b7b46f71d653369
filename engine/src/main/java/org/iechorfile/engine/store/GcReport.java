package org.iechorfile.engine.store;

/**
 * What {@code gc} removed.
 *
 * @param blobsRemoved blobs deleted
 * @param snapshotsRemoved snapshot directories deleted
 * @param bytesFreed bytes of the deleted blobs (snapshot sizes are not counted)
 */
public record GcReport(int blobsRemoved, int snapshotsRemoved, long bytesFreed) {}
