package dochooks.adapters.provider.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a host name up (blocking). The system resolver in production; tests give a fixed table. */
@FunctionalInterface
public interface HostLookup {

    /**
     * Every address of {@code name} (an ASCII DNS name, never an address literal).
     *
     * @throws UnknownHostException when the name has no address
     */
    List<InetAddress> lookup(String name) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName}): the operating system's, /etc/hosts included. */
    static HostLookup system() {
        return name -> List.of(InetAddress.getAllByName(name));
    }
}
