package nl.vangnet.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentedPdqIndexTests {

    /** Brute force over a list of (id, hash), the reference answer for every search. */
    private record Entry(long id, PdqHash hash) {}

    private static List<PdqMatch> bruteForce(List<Entry> entries, PdqHash query, int radius) {
        List<PdqMatch> matches = new ArrayList<>();
        for (Entry e : entries) {
            int d = e.hash().hammingDistance(query);
            if (d <= radius) {
                matches.add(new PdqMatch(e.id(), e.hash(), d));
            }
        }
        matches.sort(Comparator.comparingInt(PdqMatch::distance).thenComparingLong(PdqMatch::id));
        return matches;
    }

    /** Random entries plus, for each query, planted neighbours at every distance from 0 to 40. */
    private static List<Entry> entriesWithPlantedNeighbours(RandomHashes random, int count, List<PdqHash> queries) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new Entry(i, random.next()));
        }
        for (PdqHash query : queries) {
            for (int d = 0; d <= 40; d++) {
                entries.add(new Entry(entries.size(), random.flip(query, d)));
            }
        }
        return entries;
    }

    private static List<PdqHash> queries(RandomHashes random, int count) {
        List<PdqHash> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queries.add(random.next());
        }
        return queries;
    }

    @ParameterizedTest(name = "radius {0}")
    @ValueSource(ints = {0, 1, 2, 8, 15, 16, 31, 32, 40, 64})
    void bulkLoadedIndexFindsExactlyWhatBruteForceFinds(int radius) {
        RandomHashes random = new RandomHashes(20_240_601L + radius);
        List<PdqHash> queries = queries(random, 40);
        List<Entry> entries = entriesWithPlantedNeighbours(random, 60_000, queries);
        PdqIndex.Builder builder = Pdq.indexBuilder(entries.size());
        entries.forEach(e -> builder.add(e.id(), e.hash()));
        PdqIndex index = builder.build();

        assertThat(((SegmentedPdqIndex) index).segments().get(0)).isInstanceOf(MultiIndexSegment.class);
        for (PdqHash query : queries) {
            assertThat(index.search(query, radius)).isEqualTo(bruteForce(entries, query, radius));
        }
        // Queries that are themselves near stored entries, and unrelated random ones.
        for (int i = 0; i < 40; i++) {
            PdqHash query =
                    random.flip(entries.get(random.nextInt(entries.size())).hash(), random.nextInt(33));
            assertThat(index.search(query, radius)).isEqualTo(bruteForce(entries, query, radius));
        }
    }

    @ParameterizedTest(name = "{0} tables")
    @ValueSource(ints = {12, 13, 14, 15, 16})
    void everyTableCountFindsExactlyWhatBruteForceFinds(int tables) {
        RandomHashes random = new RandomHashes(7L * tables);
        List<PdqHash> queries = queries(random, 25);
        List<Entry> entries = entriesWithPlantedNeighbours(random, 40_000, queries);
        MultiIndexSegment segment = segmentOf(entries, tables);

        for (int radius : new int[] {0, 3, 17, 31, 36}) {
            for (PdqHash query : queries) {
                assertThat(search(segment, query, radius)).isEqualTo(bruteForce(entries, query, radius));
            }
        }
    }

    @Test
    void findsTheReferenceNeedlesInTheReferenceHaystackLikeBruteForce() {
        List<Entry> haystack = new ArrayList<>();
        List<PdqHash> hashes = TestVectors.hashes("haystack.txt");
        for (int i = 0; i < hashes.size(); i++) {
            haystack.add(new Entry(i, hashes.get(i)));
        }
        MultiIndexSegment segment = segmentOf(haystack, 16);
        PdqIndex index = Pdq.newIndex();
        haystack.forEach(e -> index.add(e.id(), e.hash()));

        int found = 0;
        for (PdqHash needle : TestVectors.hashes("needles.txt")) {
            for (int radius : new int[] {0, 10, 31, 45}) {
                List<PdqMatch> expected = bruteForce(haystack, needle, radius);
                assertThat(search(segment, needle, radius)).isEqualTo(expected);
                assertThat(index.search(needle, radius)).isEqualTo(expected);
                found += radius == 31 ? expected.size() : 0;
            }
        }
        assertThat(found)
                .as("the reference needles do have neighbours in the haystack")
                .isPositive();
    }

    @Test
    void addedEntriesAreFoundThroughRollOversAndMerges() {
        RandomHashes random = new RandomHashes(99);
        PdqIndex index = Pdq.newIndex();
        List<Entry> entries = new ArrayList<>();
        int count = 5 * SegmentedPdqIndex.TAIL_CAPACITY * SegmentedPdqIndex.MERGE_RATIO + 123;
        for (int i = 0; i < count; i++) {
            Entry e = new Entry(
                    i, i % 7 == 0 && i > 0 ? random.flip(entries.get(i - 1).hash(), 5) : random.next());
            entries.add(e);
            index.add(e.id(), e.hash());
        }

        assertThat(index.size()).isEqualTo(count);
        assertThat(((SegmentedPdqIndex) index).segments())
                .hasSizeGreaterThan(1)
                .hasSizeLessThan(10)
                .anySatisfy(s -> assertThat(s).isInstanceOf(MultiIndexSegment.class));
        for (int i = 0; i < 60; i++) {
            PdqHash query = random.flip(entries.get(random.nextInt(count)).hash(), random.nextInt(32));
            assertThat(index.search(query, 31)).isEqualTo(bruteForce(entries, query, 31));
        }
    }

    @Test
    void removedEntriesAreNoLongerFoundAndOthersStay() {
        RandomHashes random = new RandomHashes(5);
        PdqHash shared = random.next();
        PdqIndex index = Pdq.newIndex();
        index.add(1, shared);
        index.add(2, shared);
        index.add(3, random.flip(shared, 3));

        assertThat(index.remove(1, shared)).isTrue();
        assertThat(index.remove(1, shared)).isFalse();
        assertThat(index.remove(3, shared)).as("id 3 has another hash").isFalse();

        assertThat(index.search(shared, 31)).extracting(PdqMatch::id).containsExactly(2L, 3L);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void compactsSegmentsThatAreMostlyRemoved() {
        RandomHashes random = new RandomHashes(11);
        List<Entry> entries = new ArrayList<>();
        PdqIndex.Builder builder = Pdq.indexBuilder();
        for (int i = 0; i < 50_000; i++) {
            Entry e = new Entry(i, random.next());
            entries.add(e);
            builder.add(e.id(), e.hash());
        }
        PdqIndex index = builder.build();
        HashSegment before = ((SegmentedPdqIndex) index).segments().get(0);

        List<Entry> kept = new ArrayList<>();
        for (Entry e : entries) {
            if (e.id() % 3 == 0) {
                kept.add(e);
            } else {
                assertThat(index.remove(e.id(), e.hash())).isTrue();
            }
        }

        HashSegment after = ((SegmentedPdqIndex) index).segments().get(0);
        assertThat(after).isNotSameAs(before);
        assertThat(after.removedCount()).isLessThan(after.size() / 2 + 1);
        assertThat(index.size()).isEqualTo(kept.size());
        for (int i = 0; i < 30; i++) {
            PdqHash query =
                    random.flip(entries.get(random.nextInt(entries.size())).hash(), random.nextInt(20));
            assertThat(index.search(query, 31)).isEqualTo(bruteForce(kept, query, 31));
        }
    }

    @Test
    void rejectsRadiiOutsideTheHashLength() {
        PdqIndex index = Pdq.newIndex();

        assertThatThrownBy(() -> index.search(PdqHash.zero(), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search(PdqHash.zero(), 257)).isInstanceOf(IllegalArgumentException.class);
        assertThat(index.search(PdqHash.zero(), 256)).isEmpty();
    }

    @Test
    void builderRefusesReuseAfterBuild() {
        PdqIndex.Builder builder = Pdq.indexBuilder();
        builder.add(1, PdqHash.zero()).build();

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.add(2, PdqHash.zero())).isInstanceOf(IllegalStateException.class);
    }

    /**
     * Readers search for entries that are never removed while a writer keeps adding and removing
     * others (forcing roll-overs, merges and compactions). Every search must find every stable
     * neighbour, and every reported churn entry must carry the hash it was added with.
     */
    @Test
    void searchesStayExactWhileAnotherThreadAddsAndRemoves() throws Exception {
        RandomHashes random = new RandomHashes(2024);
        List<Entry> stable = new ArrayList<>();
        PdqIndex.Builder builder = Pdq.indexBuilder();
        for (int i = 0; i < 40_000; i++) {
            Entry e = new Entry(i, random.next());
            stable.add(e);
            builder.add(e.id(), e.hash());
        }
        PdqIndex index = builder.build();
        List<PdqHash> queries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            queries.add(random.flip(stable.get(random.nextInt(stable.size())).hash(), random.nextInt(32)));
        }
        List<List<PdqMatch>> expected =
                queries.stream().map(q -> bruteForce(stable, q, 31)).toList();
        // Churn entries sit within distance 24 of a query, so searches do report them.
        java.util.function.LongFunction<PdqHash> churnHash =
                id -> new RandomHashes(id).flip(queries.get((int) (id % queries.size())), (int) (id % 25));

        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong searches = new AtomicLong();
        CountDownLatch readersDone = new CountDownLatch(2);
        Runnable reader = () -> {
            try {
                int i = 0;
                while (!stop.get()) {
                    int q = i++ % queries.size();
                    List<PdqMatch> stableMatches = new ArrayList<>();
                    for (PdqMatch m : index.search(queries.get(q), 31)) {
                        if (m.id() < 1_000_000) {
                            stableMatches.add(m);
                        } else if (!m.hash().equals(churnHash.apply(m.id()))) {
                            failures.add("churn entry " + m.id() + " reported with a foreign hash");
                        }
                    }
                    if (!stableMatches.equals(expected.get(q))) {
                        failures.add("query " + q + ": " + stableMatches + " != " + expected.get(q));
                    }
                    searches.incrementAndGet();
                }
            } finally {
                readersDone.countDown();
            }
        };
        Thread r1 = new Thread(reader);
        Thread r2 = new Thread(reader);
        r1.start();
        r2.start();
        long nextId = 1_000_000;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        List<Long> live = new ArrayList<>();
        RandomHashes choice = new RandomHashes(1);
        long churnReported = 0;
        while (System.nanoTime() < deadline || searches.get() < 400) {
            for (int i = 0; i < 64; i++) {
                long id = nextId++;
                index.add(id, churnHash.apply(id));
                live.add(id);
            }
            for (int i = 0; i < 48; i++) {
                int victim = choice.nextInt(live.size());
                long id = live.get(victim);
                live.set(victim, live.get(live.size() - 1));
                live.remove(live.size() - 1);
                assertThat(index.remove(id, churnHash.apply(id))).isTrue();
            }
            churnReported += index.search(queries.get(choice.nextInt(queries.size())), 31).stream()
                    .filter(m -> m.id() >= 1_000_000)
                    .count();
        }
        stop.set(true);
        assertThat(readersDone.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(searches.get()).isGreaterThanOrEqualTo(400);
        assertThat(churnReported).as("searches saw churn entries come and go").isPositive();
        assertThat(index.size()).isEqualTo(stable.size() + live.size());
        for (int q = 0; q < queries.size(); q += 10) {
            List<PdqMatch> all = index.search(queries.get(q), 31);
            assertThat(all.stream().filter(m -> m.id() < 1_000_000).toList()).isEqualTo(expected.get(q));
        }
    }

    private static MultiIndexSegment segmentOf(List<Entry> entries, int tables) {
        long[] words = new long[4 * entries.size()];
        long[] ids = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            PdqHash h = entries.get(i).hash();
            for (int w = 0; w < 4; w++) {
                words[4 * i + w] = h.word(w);
            }
            ids[i] = entries.get(i).id();
        }
        return MultiIndexSegment.build(words, ids, entries.size(), tables);
    }

    private static List<PdqMatch> search(HashSegment segment, PdqHash query, int radius) {
        List<PdqMatch> matches = new ArrayList<>();
        segment.search(
                query.word(0),
                query.word(1),
                query.word(2),
                query.word(3),
                radius,
                (s, position, distance) -> matches.add(new PdqMatch(s.ids[position], s.hashAt(position), distance)));
        matches.sort(Comparator.comparingInt(PdqMatch::distance).thenComparingLong(PdqMatch::id));
        return matches;
    }
}
