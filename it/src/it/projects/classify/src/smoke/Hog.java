import java.util.ArrayList;
import java.util.List;

/** Keeps every megabyte it allocates until the heap is full: java.lang.OutOfMemoryError. */
public class Hog {
    public static void main(String[] args) {
        List<byte[]> kept = new ArrayList<>();
        while (true) {
            kept.add(new byte[1024 * 1024]);
        }
    }
}
