// Several books checked by one JVM: EPUBCheck's own command line, run once per book, each
// writing its JSON report to the path given after the book. Starting a JVM and loading
// EPUBCheck's classes costs more than checking a small book, so a batch of four takes about
// a third of the CPU of four runs. Launched as a single-file source program (Java 11+).
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckBatch {
    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            new EpubChecker().run(new String[] {args[i], "--json", args[i + 1], "-q"});
        }
    }
}
