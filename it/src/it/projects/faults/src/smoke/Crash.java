import java.lang.reflect.Field;

/** Crashes the JVM: a write to address 0 through sun.misc.Unsafe, a SIGSEGV that HotSpot reports. */
public class Crash {
    public static void main(String[] args) throws Exception {
        Field field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        field.setAccessible(true);
        Object unsafe = field.get(null);
        System.out.println("about to crash");
        System.out.flush();
        unsafe.getClass().getMethod("putAddress", long.class, long.class).invoke(unsafe, 0L, 42L);
    }
}
