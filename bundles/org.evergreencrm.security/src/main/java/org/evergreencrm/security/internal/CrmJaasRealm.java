package org.evergreencrm.security.internal;

import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Registers the {@code evergreen} JAAS realm with Karaf; the REST API authenticates against it. */
@Component(service = JaasRealm.class)
public final class CrmJaasRealm implements JaasRealm {
    public static final String REALM = "evergreen";
    private final AppConfigurationEntry[] entries;

    @Activate
    public CrmJaasRealm(BundleContext context, @Reference UserServiceImpl users) {
        Map<String, Object> options = Map.of(
                ProxyLoginModule.PROPERTY_MODULE, CrmLoginModule.class.getName(),
                ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()),
                CrmLoginModule.AUTHENTICATOR_OPTION, users.authenticator());
        entries = new AppConfigurationEntry[] {
            new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED, options)};
    }

    @Override
    public String getName() {
        return REALM;
    }

    @Override
    public int getRank() {
        return 0;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
