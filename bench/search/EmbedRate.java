// bench/search: the raw embedding rate of all-MiniLM-L6-v2 with the same class and calls as Marquee's TextEmbedder
// (embedAll of TextSegments, then L2-normalised), outside the application: the ceiling of the embedding step.
// Run with the jar's libraries on the class path (java -cp 'lib/*' EmbedRate.java ...).
//   queries <file> <seconds> <out>  one text per line: writes each text's vector (pgvector literal, one a line) to
//                                   <out>, then embeds them one at a time for <seconds> at 1 and at 4 threads
//   texts <file>                    one text per line: embeds them in batches of 32 on one thread, as the admin job
// Prints "embed key=value ..." lines.
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

public class EmbedRate {

    static final EmbeddingModel MODEL = new AllMiniLmL6V2EmbeddingModel();

    static List<float[]> embed(List<String> texts) {
        return MODEL.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector)
                .map(EmbedRate::normalised)
                .toList();
    }

    static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0 || Math.abs(norm - 1) < 1e-6) {
            return v;
        }
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            unit[i] = (float) (v[i] / norm);
        }
        return unit;
    }

    static String literal(float[] v) {
        StringBuilder out = new StringBuilder().append('[');
        for (int i = 0; i < v.length; i++) {
            out.append(i > 0 ? "," : "").append(v[i]);
        }
        return out.append(']').toString();
    }

    public static void main(String[] args) throws Exception {
        List<String> texts =
                Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        if (args[0].equals("texts")) {
            embed(texts.subList(0, Math.min(64, texts.size()))); // warm-up
            long started = System.nanoTime();
            for (int from = 0; from < texts.size(); from += 32) {
                embed(texts.subList(from, Math.min(texts.size(), from + 32)));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "embed batch=32 texts=%d seconds=%.1f rate=%.1f%n",
                    texts.size(), seconds, texts.size() / seconds);
            return;
        }
        List<String> literals = new ArrayList<>();
        for (String text : texts) {
            literals.add(literal(embed(List.of(text)).get(0)));
        }
        Files.write(Path.of(args[3]), literals);
        double seconds = Double.parseDouble(args[2]);
        for (int round = 0; round < 3; round++) { // warm-up: JIT and ONNX Runtime's first runs
            texts.forEach(text -> embed(List.of(text)));
        }
        for (int threads : new int[] {1, 4}) {
            List<long[]> perThread = new ArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> workers = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                long[] nanos = new long[1_000_000];
                perThread.add(nanos);
                int offset = t * 7;
                workers.add(Thread.ofPlatform().start(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        long begin = System.nanoTime();
                        embed(List.of(texts.get((offset + n) % texts.size())));
                        nanos[++n] = System.nanoTime() - begin;
                        nanos[0] = n;
                    }
                }));
            }
            Thread.sleep((long) (seconds * 1000));
            stop.set(true);
            for (Thread worker : workers) {
                worker.join();
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            long[] all = perThread.stream()
                    .flatMapToLong(nanos -> Arrays.stream(nanos, 1, (int) nanos[0] + 1))
                    .sorted()
                    .toArray();
            double mean = Arrays.stream(all).average().orElse(0) / 1e6;
            System.out.printf(Locale.ROOT, "embed threads=%d texts=%d rate=%.1f mean=%.2f p50=%.2f p95=%.2f%n",
                    threads, all.length, all.length / elapsed, mean, all[all.length / 2] / 1e6,
                    all[(int) (all.length * 0.95)] / 1e6);
        }
    }
}
