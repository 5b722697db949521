package dev.jetemu.sim.event;

import java.util.Objects;
import java.util.Set;

/** How an event kind's {@code event-id} is made. */
public sealed interface EventIdRule {

    /** One line for the catalog's text form. */
    String describe();

    /** Kernel events: a stem and the operation, {@code KERNEL_EVENT_IFD} + {@code _ADD}. */
    record PerOperation(String stem, Set<Operation> documented) implements EventIdRule {

        public PerOperation {
            Objects.requireNonNull(stem, "stem");
            documented = Set.copyOf(documented);
        }

        public String eventId(Operation operation) {
            return stem + "_" + operation.name();
        }

        public Provenance provenance(Operation operation) {
            return documented.contains(operation) ? Provenance.DOCUMENTED : Provenance.INFERRED;
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder();
            for (Operation operation : Operation.values()) {
                if (text.length() > 0) {
                    text.append(", ");
                }
                text.append(eventId(operation)).append(" (")
                        .append(provenance(operation).name().toLowerCase(java.util.Locale.ROOT)).append(')');
            }
            return text.toString();
        }
    }

    /** Syslog events: the message's tag is the id, {@code SNMP_TRAP_LINK_DOWN}. */
    record SyslogTag() implements EventIdRule {

        @Override
        public String describe() {
            return "the syslog tag, such as SNMP_TRAP_LINK_DOWN or UI_COMMIT_COMPLETED (documented)";
        }
    }

    /** One id whatever happens. */
    record Fixed(String eventId, Provenance provenance) implements EventIdRule {

        public Fixed {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(provenance, "provenance");
        }

        @Override
        public String describe() {
            return eventId + " (" + provenance.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }
}
