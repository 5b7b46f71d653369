package org.iechorfile.engine.session;

/**
 * What a collection of session layers removed.
 *
 * @param layersRemoved step layers deleted
 * @param bytesFreed bytes of file content in the deleted layers
 * @param cacheRecordsDropped build-cache records forgotten ({@code --cache}, {@code
 *     --keep-storage}, or pointing at a layer that is gone)
 * @param sessionsCleared records of sessions whose process ended without closing them
 * @param draftsRemoved unfinished or failed steps' directories left by such processes
 * @param cacheMountsRemoved {@code RUN --mount=type=cache} directories removed, with the build
 *     cache dropped ({@code --cache})
 * @param openSessions sessions open in running processes while the collection ran
 * @param cacheMountsInUse cache directories kept because a running step had them mounted
 */
public record LayerCollection(
    int layersRemoved,
    long bytesFreed,
    int cacheRecordsDropped,
    int sessionsCleared,
    int draftsRemoved,
    int cacheMountsRemoved,
    int openSessions,
    int cacheMountsInUse) {}
