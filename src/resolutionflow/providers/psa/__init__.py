"""PSA providers: one interface (ticket context, note push, connection test) over ConnectWise,
Autotask and HaloPSA. `registry.provider_for(name, config)` builds one."""
