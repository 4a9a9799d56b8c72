package nl.vangnet.pdq;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Hashes image files with {@code Pdq.hasher()} and reports the peak heap as the JVM itself
 * accounts it. Run in a JVM of its own with a fixed {@code -Xmx} (by {@code PdqMemoryIT}, and by
 * hand for {@code docs/benchmarks.md}); it uses only the public API, so it also runs against
 * older builds of the library.
 *
 * <p>Output, one line each: {@code hash,quality,file} per hashed file (or {@code
 * error,ExceptionType,file,message}), then {@code peak-heap-bytes=N}: the sum over the heap
 * memory pools (eden, survivor, old) of each pool's peak usage since start-up work was done. The
 * pools peak at different moments, so the sum is an upper bound of the heap ever in use, garbage
 * included. {@code max-live-after-gc-bytes=N} is the most heap that was still in use right after a
 * collection (a lower bound of the live peak), {@code gc-count=N} and {@code max-heap-bytes=N}
 * (the {@code -Xmx} in effect) follow. Exit status 0 if every file hashed, 1 otherwise.
 */
public final class PeakHeapProbe {

    private PeakHeapProbe() {}

    public static void main(String[] args) {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        Set<String> heapPoolNames =
                heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        AtomicLong maxLiveAfterGc = new AtomicLong();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (notification, handback) -> {
                            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                    notification.getType())) {
                                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                        .filter(pool -> heapPoolNames.contains(pool.getKey()))
                                        .mapToLong(pool -> pool.getValue().getUsed())
                                        .sum();
                                maxLiveAfterGc.accumulateAndGet(used, Math::max);
                            }
                        },
                        null,
                        null);
            }
        }
        // Start from a clean slate: what JVM start-up allocated is not the hasher's.
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);

        int status = 0;
        PdqHasher hasher = Pdq.hasher();
        for (String file : args) {
            try {
                PdqResult result = hasher.hash(Path.of(file));
                System.out.println(result.hash().toHex() + "," + result.quality() + "," + file);
            } catch (IOException e) {
                System.out.println("error," + e.getClass().getSimpleName() + "," + file + "," + e.getMessage());
                status = 1;
            }
        }

        long peak = heapPools.stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        long collections = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
        for (MemoryPoolMXBean pool : heapPools) {
            System.out.println("pool " + pool.getName() + " peak-bytes="
                    + pool.getPeakUsage().getUsed());
        }
        System.out.println("peak-heap-bytes=" + peak);
        System.out.println("max-live-after-gc-bytes=" + maxLiveAfterGc.get());
        System.out.println("gc-count=" + collections);
        System.out.println("max-heap-bytes=" + Runtime.getRuntime().maxMemory());
        System.exit(status);
    }
}
