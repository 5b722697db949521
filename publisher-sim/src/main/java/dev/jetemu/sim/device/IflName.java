package dev.jetemu.sim.device;

/**
 * The name of a logical interface (a unit): its physical interface and unit number,
 * {@code ge-0/0/0.0}.
 */
public record IflName(String ifd, int unit) {

    /** The largest unit number Junos accepts. */
    public static final int MAX_UNIT = 1_073_741_823;

    /** @throws DeviceModelException when the interface name or unit number is not valid */
    public IflName {
        Names.checkInterface(ifd);
        if (unit < 0 || unit > MAX_UNIT) {
            throw new DeviceModelException("unit " + unit + " of " + ifd + " is out of range; expected 0 to " + MAX_UNIT);
        }
    }

    /**
     * Reads {@code ge-0/0/0.0}.
     *
     * @throws DeviceModelException when {@code text} is not an interface name, a dot and a unit number
     */
    public static IflName parse(String text) {
        int dot = text == null ? -1 : text.lastIndexOf('.');
        if (dot < 0) {
            throw new DeviceModelException("'" + text + "' has no unit number; expected a unit name such as "
                    + (text == null || text.isEmpty() ? "ge-0/0/0" : text) + ".0");
        }
        String ifd = text.substring(0, dot);
        String unitText = text.substring(dot + 1);
        boolean digits = !unitText.isEmpty() && unitText.length() <= 10 && (unitText.length() == 1 || unitText.charAt(0) != '0');
        for (int i = 0; digits && i < unitText.length(); i++) {
            digits = unitText.charAt(i) >= '0' && unitText.charAt(i) <= '9';
        }
        if (!digits) {
            throw new DeviceModelException("unit '" + unitText + "' in '" + text + "' is not a unit number; expected "
                    + "a number from 0 to " + MAX_UNIT + " without leading zeros, such as " + ifd + ".0");
        }
        long unit = Long.parseLong(unitText);
        if (unit > MAX_UNIT) {
            throw new DeviceModelException("unit " + unit + " in '" + text + "' is out of range; expected 0 to " + MAX_UNIT);
        }
        return new IflName(ifd, (int) unit);
    }

    /** {@code ge-0/0/0.0}. */
    @Override
    public String toString() {
        return ifd + "." + unit;
    }
}
