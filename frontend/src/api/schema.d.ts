/**
 * GENERATED FILE — do not edit by hand.
 * Source: the backend's OpenAPI (/api/openapi.json). Regenerate with `npm run api:generate`.
 */

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health */
        get: operations["health_api_health_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready */
        get: operations["ready_api_health_ready_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Own Account */
        get: operations["read_own_account_api_v1_account_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename Own Account */
        patch: operations["rename_own_account_api_v1_account_patch"];
        trace?: never;
    };
    "/api/v1/account/branding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Branding
         * @description The branding of exported PDFs: heading colour, footer line, logo (its URL, if any).
         */
        get: operations["read_branding_api_v1_account_branding_get"];
        /**
         * Save Branding
         * @description Sets the heading colour ("#RRGGBB" or null) and the footer line (up to 200 characters,
         *     one line); 422 naming the field otherwise. Audited (account.branding_changed).
         */
        put: operations["save_branding_api_v1_account_branding_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/branding/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Logo
         * @description The stored (re-encoded) logo; 404 when there is none.
         */
        get: operations["read_logo_api_v1_account_branding_logo_get"];
        /**
         * Upload Logo
         * @description The image is the body: PNG or JPEG (checked by content, 415 otherwise), at most 512 KB
         *     and 2000 x 2000 pixels (422). Stored re-encoded, without metadata; replaces the old one.
         */
        put: operations["upload_logo_api_v1_account_branding_logo_put"];
        post?: never;
        /** Remove Logo */
        delete: operations["remove_logo_api_v1_account_branding_logo_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/escalation-channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Channels
         * @description Slack and Teams incoming webhooks for escalation notices (never returned, only whether
         *     each is set).
         */
        get: operations["read_channels_api_v1_account_escalation_channels_get"];
        /** Save Channels */
        put: operations["save_channels_api_v1_account_escalation_channels_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/escalation-channels/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test Channels
         * @description Sends a test notice to each configured webhook.
         */
        post: operations["test_channels_api_v1_account_escalation_channels_test_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/note-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Note Template */
        get: operations["read_note_template_api_v1_account_note_template_get"];
        /** Save Note Template */
        put: operations["save_note_template_api_v1_account_note_template_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/note-template/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview Note Template */
        post: operations["preview_note_template_api_v1_account_note_template_preview_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/security": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Security
         * @description Sign-in timeouts: `idle_minutes` and `absolute_hours` (null: the defaults).
         */
        get: operations["read_security_api_v1_account_security_get"];
        /**
         * Save Security
         * @description Sets the sign-in timeouts, enforced at each device's next refresh. 422 naming the field
         *     when out of range, or when the idle timeout is not shorter than the absolute lifetime.
         */
        put: operations["save_security_api_v1_account_security_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Sso
         * @description The account's OpenID Provider. Never the client secret: `has_secret` says one is set.
         */
        get: operations["read_sso_api_v1_account_sso_get"];
        /**
         * Save Sso
         * @description Sets up (or changes) single sign-on. The issuer's discovery document is fetched and
         *     checked now (422 on `issuer` when it cannot be used); a domain another account signs in with
         *     is 422 on `domains`; leaving out `client_secret` keeps the stored one.
         */
        put: operations["save_sso_api_v1_account_sso_put"];
        post?: never;
        /**
         * Delete Sso
         * @description Turns single sign-on off (and with it `sso_required`): passwords work again.
         */
        delete: operations["delete_sso_api_v1_account_sso_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Accounts */
        get: operations["list_accounts_api_v1_accounts_get"];
        put?: never;
        /** Create Account */
        post: operations["create_account_api_v1_accounts_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{account_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Account */
        get: operations["get_account_api_v1_accounts__account_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename Account */
        patch: operations["rename_account_api_v1_accounts__account_id__patch"];
        trace?: never;
    };
    "/api/v1/ai/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Ai Settings */
        get: operations["read_ai_settings_api_v1_ai_settings_get"];
        /** Save Ai Settings */
        put: operations["save_ai_settings_api_v1_ai_settings_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/settings/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test Ai Connection
         * @description Sends a tiny request to the configured fast model. The settings are read and the
         *     transaction ended first: none stays open while the provider answers.
         */
        post: operations["test_ai_connection_api_v1_ai_settings_test_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ai Usage
         * @description Calls, tokens and estimated cost per day, provider, model and action (both days
         *     included; default: the last 30 days).
         */
        get: operations["ai_usage_api_v1_ai_usage_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Coverage
         * @description Sessions per category (or client) and outcome (or category): where problems come from and
         *     where they end. Each cell carries the query that lists its sessions.
         */
        get: operations["coverage_api_v1_analytics_coverage_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Flow Table
         * @description Every live flow's runs and rates with its quality score (and the formula), worst first.
         */
        get: operations["flow_table_api_v1_analytics_flows_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/flows/{flow_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Flow Detail
         * @description One flow's figures and its path view: per node reached, dropped and median time; per
         *     edge how often it was taken. The CSV holds the nodes.
         */
        get: operations["flow_detail_api_v1_analytics_flows__flow_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Overview
         * @description Headline figures of the period with the previous period's, outcomes, FlowPilot, copilot
         *     use, the PSA push funnel and one row per day. Engineers get their own figures.
         */
        get: operations["overview_api_v1_analytics_overview_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Analytics Sessions
         * @description The sessions a figure or a coverage cell counts (same filters, plus `outcome`), newest
         *     first.
         */
        get: operations["analytics_sessions_api_v1_analytics_sessions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assist/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Conversations
         * @description Your own ResolutionAssist conversations, newest first; `q` searches titles and messages.
         */
        get: operations["list_conversations_api_v1_assist_conversations_get"];
        put?: never;
        /** Create Conversation */
        post: operations["create_conversation_api_v1_assist_conversations_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assist/conversations/{conversation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Conversation */
        get: operations["read_conversation_api_v1_assist_conversations__conversation_id__get"];
        put?: never;
        post?: never;
        /** Delete Conversation */
        delete: operations["delete_conversation_api_v1_assist_conversations__conversation_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assist/conversations/{conversation_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send Assist Message
         * @description A turn of the conversation; screenshots (vision models) and text logs may be attached.
         */
        post: operations["send_assist_message_api_v1_assist_conversations__conversation_id__messages_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assist/conversations/{conversation_id}/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Conversation To Session
         * @description Turn the conversation into a session; the exchange is carried onto its timeline. Doing it
         *     again returns the same session.
         */
        post: operations["conversation_to_session_api_v1_assist_conversations__conversation_id__session_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Audit Events */
        get: operations["list_audit_events_api_v1_audit_events_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/invites/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Preview Invite */
        get: operations["preview_invite_api_v1_auth_invites__token__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/invites/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept Invite */
        post: operations["accept_invite_api_v1_auth_invites__token__accept_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Login */
        post: operations["login_api_v1_auth_login_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Logout */
        post: operations["logout_api_v1_auth_logout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refresh */
        post: operations["refresh_api_v1_auth_refresh_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sso Callback
         * @description Where the provider sends the browser back. Success: the same refresh cookie as a password
         *     sign-in, and a redirect into the app (which then calls POST /auth/refresh). Failure: a
         *     redirect to `/sign-in?sso_error=<code>`.
         */
        get: operations["sso_callback_api_v1_auth_sso_callback_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/discover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Discover Sso
         * @description Whether this email's domain signs in with single sign-on, the button's name, and whether
         *     a password is refused.
         */
        get: operations["discover_sso_api_v1_auth_sso_discover_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start Sso
         * @description Sends the browser to the provider of the email's domain (authorization code flow with
         *     PKCE, state and nonce). An email whose domain has no single sign-on goes back to the
         *     sign-in page with `?sso_error=not_configured`, never to a provider.
         */
        get: operations["start_sso_api_v1_auth_sso_start_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalations/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Escalation Metrics
         * @description Time to pickup, pickup to resolution, escalation rate per flow and per engineer, and the
         *     AI assessment's accuracy and calibration.
         */
        get: operations["escalation_metrics_api_v1_escalations_metrics_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/experiments/{experiment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Experiment */
        get: operations["get_experiment_api_v1_experiments__experiment_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/experiments/{experiment_id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop Experiment
         * @description Ends the test. `promote: "b"` publishes B as the flow's new version; `a` or null
         *     changes nothing. Sessions keep the variant they ran.
         */
        post: operations["stop_experiment_api_v1_experiments__experiment_id__stop_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Flows */
        get: operations["list_flows_api_v1_flows_get"];
        put?: never;
        /** Create Flow */
        post: operations["create_flow_api_v1_flows_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Flow */
        get: operations["get_flow_api_v1_flows__flow_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Move Flow */
        patch: operations["move_flow_api_v1_flows__flow_id__patch"];
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive Flow */
        post: operations["archive_flow_api_v1_flows__flow_id__archive_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Diff Versions */
        get: operations["diff_versions_api_v1_flows__flow_id__diff_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save Draft */
        put: operations["save_draft_api_v1_flows__flow_id__draft_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Duplicate Flow */
        post: operations["duplicate_flow_api_v1_flows__flow_id__duplicate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/experiments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Experiments
         * @description Every test of the flow, newest first, with results.
         */
        get: operations["list_experiments_api_v1_flows__flow_id__experiments_get"];
        put?: never;
        /**
         * Start Experiment
         * @description Runs the published version (A) against a candidate (B) for new sessions of the flow.
         */
        post: operations["start_experiment_api_v1_flows__flow_id__experiments_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/experiments/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Current Experiment
         * @description The running test with its results, or null when none runs (404: no such flow).
         */
        get: operations["current_experiment_api_v1_flows__flow_id__experiments_current_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export Flow */
        get: operations["export_flow_api_v1_flows__flow_id__export_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish Flow */
        post: operations["publish_flow_api_v1_flows__flow_id__publish_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/unarchive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unarchive Flow */
        post: operations["unarchive_flow_api_v1_flows__flow_id__unarchive_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate Draft */
        post: operations["validate_draft_api_v1_flows__flow_id__validate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Versions */
        get: operations["list_versions_api_v1_flows__flow_id__versions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/versions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Version */
        get: operations["get_version_api_v1_flows__flow_id__versions__number__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flow_id}/versions/{number}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore Version */
        post: operations["restore_version_api_v1_flows__flow_id__versions__number__restore_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/export-library": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export Library */
        get: operations["export_library_api_v1_flows_export_library_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/facets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Flow Facets */
        get: operations["flow_facets_api_v1_flows_facets_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/from-article": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Flow From Article
         * @description A KB article (text, Markdown, HTML, DOCX, PDF) → a draft flow. `procedure` (offline):
         *     headings and numbered steps become a procedural flow. `tree`: the model turns the prose into
         *     a troubleshooting tree (needs a configured model).
         */
        post: operations["flow_from_article_api_v1_flows_from_article_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate Flow
         * @description Describe a problem → a complete draft flow, validated; the model repairs its own
         *     problems up to twice. Needs a configured model (422 saying what to configure).
         */
        post: operations["generate_flow_api_v1_flows_generate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import Flow */
        post: operations["import_flow_api_v1_flows_import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/import-library": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import Library */
        post: operations["import_library_api_v1_flows_import_library_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate Graph */
        post: operations["validate_graph_api_v1_flows_validate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/folders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Folders */
        get: operations["list_folders_api_v1_folders_get"];
        put?: never;
        /** Create Folder */
        post: operations["create_folder_api_v1_folders_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/folders/{folder_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Folder */
        delete: operations["delete_folder_api_v1_folders__folder_id__delete"];
        options?: never;
        head?: never;
        /** Update Folder */
        patch: operations["update_folder_api_v1_folders__folder_id__patch"];
        trace?: never;
    };
    "/api/v1/handoffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Handoffs */
        get: operations["list_handoffs_api_v1_handoffs_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/handoffs/{handoff_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Handoff */
        get: operations["read_handoff_api_v1_handoffs__handoff_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/handoffs/{handoff_id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim Handoff
         * @description Atomic: of two people racing, exactly one gets 200 and the other a 409 naming who has it
         *     and since when. Claiming again is a no-op; the escalating engineer cannot claim. A handoff
         *     escalated to a person (or a team) is theirs: anyone else gets a 403 naming who it is for,
         *     except team admins, whose claim is recorded in the audit log (`handoff.claim_override`).
         */
        post: operations["claim_handoff_api_v1_handoffs__handoff_id__claim_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/handoffs/{handoff_id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Handoff Outcome
         * @description After the claimed session is resolved: was the AI's likely cause right?
         */
        post: operations["handoff_outcome_api_v1_handoffs__handoff_id__outcome_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Home
         * @description What needs you now, by role (a section your role does not get is `null`). Engineers:
         *     your open sessions, handoffs waiting for you or your teams, maintenance due for you, your
         *     last 7 days. Team admins also: team health (last 7 days against the 7 before), open
         *     proposals and step flags, failed PSA pushes and failed or dead jobs. Viewers: the newest
         *     published flows. Each list is the newest 10 with its total.
         */
        get: operations["read_home_api_v1_home_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/psa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Settings
         * @description The connection settings without secrets (`secrets_set` names those that hold a value).
         *     A team without its own connection shows the account default with `inherited: true`.
         */
        get: operations["read_settings_api_v1_integrations_psa_get"];
        /** Save Settings */
        put: operations["save_settings_api_v1_integrations_psa_put"];
        post?: never;
        /** Delete Settings */
        delete: operations["delete_settings_api_v1_integrations_psa_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/psa/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Activity
         * @description Every push to the PSA, newest first: state, attempts, the last error.
         */
        get: operations["activity_api_v1_integrations_psa_activity_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/psa/discover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Discover
         * @description ConnectWise: the API base URL for a site and company id (from /login/companyinfo).
         */
        post: operations["discover_api_v1_integrations_psa_discover_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/psa/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Members
         * @description PSA members and our users side by side; unmapped users are matched by email (and the
         *     matches stored).
         */
        get: operations["list_members_api_v1_integrations_psa_members_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/psa/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set Member
         * @description Maps a user to a PSA member by hand (`member_id: null` removes the mapping).
         */
        put: operations["set_member_api_v1_integrations_psa_members__user_id__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/psa/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Providers
         * @description Each provider's settings form (fields, which are secret) and what it can do.
         */
        get: operations["list_providers_api_v1_integrations_psa_providers_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/psa/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test Connection
         * @description Signs in to the PSA: `{"ok": true, "version"}` or a plain explanation with its `kind`
         *     (credentials, permission, unreachable, wrong_codebase ...). With a body, tests the form as
         *     typed (blank secrets use the saved ones) without saving it; without, tests what is saved.
         */
        post: operations["test_connection_api_v1_integrations_psa_test_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Invites */
        get: operations["list_invites_api_v1_invites_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/{invite_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke Invite */
        delete: operations["revoke_invite_api_v1_invites__invite_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/{invite_id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resend Invite */
        post: operations["resend_invite_api_v1_invites__invite_id__resend_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Jobs
         * @description Background jobs of your account (every account's, for the super admin), most recently
         *     changed first: what, its state, attempts and last error.
         */
        get: operations["list_jobs_api_v1_jobs_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Job */
        get: operations["get_job_api_v1_jobs__job_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{job_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry Job
         * @description Run a failed or dead job again now, with a fresh budget of attempts (409 otherwise).
         */
        post: operations["retry_job_api_v1_jobs__job_id__retry_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Documents */
        get: operations["list_documents_api_v1_knowledge_documents_get"];
        put?: never;
        /**
         * Upload Document
         * @description The file's bytes are the body: Markdown, text, HTML, PDF or DOCX (sniffed by content).
         *     It is extracted, chunked and indexed before the response; an unreadable file is a 422
         *     that says why, and nothing is stored.
         */
        post: operations["upload_document_api_v1_knowledge_documents_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/documents/{document_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Document */
        get: operations["read_document_api_v1_knowledge_documents__document_id__get"];
        put?: never;
        post?: never;
        /** Delete Document */
        delete: operations["delete_document_api_v1_knowledge_documents__document_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/documents/{document_id}/reindex": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reindex Document */
        post: operations["reindex_document_api_v1_knowledge_documents__document_id__reindex_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Knowledge Gaps
         * @description Problems no flow covers, clustered into topics (examples redacted).
         */
        get: operations["knowledge_gaps_api_v1_knowledge_gaps_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/gaps/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Draft For Gap
         * @description "Draft a flow for this gap": the offline new_flow drafting seeded with its sessions.
         */
        post: operations["draft_for_gap_api_v1_knowledge_gaps_draft_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Batches
         * @description Running batches first, then the newest; each with its counts.
         */
        get: operations["list_batches_api_v1_maintenance_batches_get"];
        put?: never;
        /**
         * Launch Batch
         * @description One session per target (from a target list, snapshotted now, or the targets given),
         *     titled with the target, with `{{target.<field>}}` filled in.
         */
        post: operations["launch_batch_api_v1_maintenance_batches_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/batches/{batch_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Batch */
        get: operations["get_batch_api_v1_maintenance_batches__batch_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/batches/{batch_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel Batch
         * @description Stop a running batch (its launcher or a team admin): pending and in-progress targets are
         *     skipped with the reason and their sessions end as abandoned; escalated ones stay with the
         *     senior; no PSA note goes out. 409 once the batch has finished.
         */
        post: operations["cancel_batch_api_v1_maintenance_batches__batch_id__cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/batches/{batch_id}/client-tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set Client Tickets
         * @description The PSA ticket each client's note goes to on completion (the whole map; 422 naming a
         *     client the batch does not have; 409 once the batch has finished).
         */
        put: operations["set_client_tickets_api_v1_maintenance_batches__batch_id__client_tickets_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/batches/{batch_id}/items/{item_id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim Item
         * @description Take a target of a team pool (the batch's team members and team admins).
         */
        post: operations["claim_item_api_v1_maintenance_batches__batch_id__items__item_id__claim_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/batches/{batch_id}/items/{item_id}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fail Item
         * @description The target failed, with the reason (its session ends as unresolved).
         */
        post: operations["fail_item_api_v1_maintenance_batches__batch_id__items__item_id__fail_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/batches/{batch_id}/items/{item_id}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Skip Item
         * @description The target is skipped with the reason (its session ends as abandoned); 409 when it is
         *     already done, skipped or failed.
         */
        post: operations["skip_item_api_v1_maintenance_batches__batch_id__items__item_id__skip_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/batches/{batch_id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Batch Report
         * @description A summary table (target, outcome, engineer, duration), then each target's redacted
         *     documentation grouped by client. The client variant leaves the server: unless it is only
         *     previewed, each session's part of it is recorded as a redaction report.
         */
        get: operations["batch_report_api_v1_maintenance_batches__batch_id__report_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/batches/{batch_id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream Batch
         * @description Server-sent events: `event: batch` with the whole batch (as GET returns it) now and
         *     whenever it changes — any event on one of its sessions, a skip, a claim, completion.
         *     Holds no database session between wake-ups, re-checks the sign-in on each, and ends with
         *     `event: end` {reason: expired|unauthorized|forbidden} like the session stream.
         */
        get: operations["stream_batch_api_v1_maintenance_batches__batch_id__stream_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Schedules */
        get: operations["list_schedules_api_v1_maintenance_schedules_get"];
        put?: never;
        /**
         * Create Schedule
         * @description Run this flow against this target list on this cron (in this IANA time zone); 422
         *     names the field (cron, timezone, flow_id, target_list_id, ...).
         */
        post: operations["create_schedule_api_v1_maintenance_schedules_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/schedules/{schedule_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Schedule */
        get: operations["get_schedule_api_v1_maintenance_schedules__schedule_id__get"];
        put?: never;
        post?: never;
        /**
         * Delete Schedule
         * @description The schedule stops; the batches it launched stay.
         */
        delete: operations["delete_schedule_api_v1_maintenance_schedules__schedule_id__delete"];
        options?: never;
        head?: never;
        /**
         * Update Schedule
         * @description Change any part; `{"active": false}` pauses, `{"active": true}` resumes (from the next
         *     slot: slots passed while paused are not owed).
         */
        patch: operations["update_schedule_api_v1_maintenance_schedules__schedule_id__patch"];
        trace?: never;
    };
    "/api/v1/maintenance/schedules/{schedule_id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run Schedule Now
         * @description Launch a batch now, outside the schedule's slots.
         */
        post: operations["run_schedule_now_api_v1_maintenance_schedules__schedule_id__run_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance/schedules/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Schedule Agenda
         * @description Every slot of the active schedules in the next `days` days, in time order.
         */
        get: operations["schedule_agenda_api_v1_maintenance_schedules_agenda_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Me */
        get: operations["read_me_api_v1_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update Me */
        patch: operations["update_me_api_v1_me_patch"];
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change Password
         * @description Signs out every other device and revokes every personal API token of yours; this device
         *     gets a fresh refresh cookie.
         */
        post: operations["change_password_api_v1_me_password_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Sessions
         * @description Your signed-in devices and browsers (one per sign-in, kept alive by refreshing); the
         *     one making this request has `current: true`.
         */
        get: operations["list_sessions_api_v1_me_sessions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/{sign_in_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke Session
         * @description Signs that device out at once (its next request is refused). Revoking the current
         *     session signs this device out too, and clears its refresh cookie.
         */
        delete: operations["revoke_session_api_v1_me_sessions__sign_in_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/revoke-others": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke Other Sessions
         * @description Signs out every device of yours except this one.
         */
        post: operations["revoke_other_sessions_api_v1_me_sessions_revoke_others_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Tokens */
        get: operations["list_tokens_api_v1_me_tokens_get"];
        put?: never;
        /**
         * Create Token
         * @description Tokens always expire (90 days unless `expires_in_days` says otherwise, at most 365); the
         *     owner is told of each new one in the app, and by email when SMTP is configured. Changing
         *     the password revokes them all.
         */
        post: operations["create_token_api_v1_me_tokens_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke Token */
        delete: operations["revoke_token_api_v1_me_tokens__token_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Notifications */
        get: operations["list_notifications_api_v1_notifications_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark Read
         * @description Mark the given notifications (or, without ids, all of yours) read.
         */
        post: operations["mark_read_api_v1_notifications_read_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream Notifications
         * @description Server-sent events: `unread` with the unread count when it changes, `changed` whenever
         *     something of yours changed (a new notification, an assessment landing on a handoff you were
         *     told about, a claim) so open screens refetch, heartbeats in between. Works across app
         *     instances on PostgreSQL (LISTEN/NOTIFY). The caller's sign-in is re-checked on every
         *     wake-up; the stream always ends with `event: end` and `{"reason": …}`: `expired` (its
         *     lifetime is over: reconnect) or `unauthorized` (the sign-in ended: reconnecting gets 401).
         */
        get: operations["stream_notifications_api_v1_notifications_stream_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Proposals
         * @description The proposals in `status`; with the open ones, the open step flags (each says whether
         *     the caller may close it).
         */
        get: operations["list_proposals_api_v1_proposals_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{proposal_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Proposal */
        get: operations["get_proposal_api_v1_proposals__proposal_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{proposal_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve Proposal
         * @description A draft: a new flow, or a new draft of the flow with the change applied.
         */
        post: operations["approve_proposal_api_v1_proposals__proposal_id__approve_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{proposal_id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Comment Proposal */
        post: operations["comment_proposal_api_v1_proposals__proposal_id__comments_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{proposal_id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dismiss Proposal
         * @description Hidden until new evidence arrives.
         */
        post: operations["dismiss_proposal_api_v1_proposals__proposal_id__dismiss_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{proposal_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject Proposal
         * @description Never proposed again; the reason is kept (redacted).
         */
        post: operations["reject_proposal_api_v1_proposals__proposal_id__reject_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Proposal Counts
         * @description For the nav: how many proposals wait in each state.
         */
        get: operations["proposal_counts_api_v1_proposals_counts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run Flywheel
         * @description Runs the flywheel for the account now (it also runs every 15 minutes on its schedule).
         */
        post: operations["run_flywheel_api_v1_proposals_run_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/psa/pushes/{push_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry Push
         * @description Queues a failed push again (the session's owner, or a team admin).
         */
        post: operations["retry_push_api_v1_psa_pushes__push_id__retry_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/psa/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Tickets
         * @description Open tickets in your team's PSA whose number or summary matches.
         */
        get: operations["search_tickets_api_v1_psa_tickets_get"];
        put?: never;
        /**
         * Create Ticket
         * @description Creates a ticket in your team's PSA. A PSA refusal is a 422 in the PSA's words and
         *     creates nothing. Start a session on it with `POST /sessions {"ticket_id"}`. Audited
         *     (psa.ticket_created).
         */
        post: operations["create_ticket_api_v1_psa_tickets_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/psa/tickets/desk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ticket Desk
         * @description Whether your team's PSA is connected and its tickets can be listed and created here
         *     (asks nothing of the PSA).
         */
        get: operations["ticket_desk_api_v1_psa_tickets_desk_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/psa/tickets/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ticket Options
         * @description The new-ticket form's choices: boards, priorities, the board's types and statuses,
         *     companies and contacts.
         */
        get: operations["ticket_options_api_v1_psa_tickets_options_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/psa/tickets/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ticket Queue
         * @description Open tickets in your team's PSA: `mine` (assigned to your PSA member) or `team` (every
         *     board), with search (number, summary or company) and filters.
         */
        get: operations["ticket_queue_api_v1_psa_tickets_queue_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/psa/tickets/triage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Triage Ticket
         * @description A new ticket's fields pre-filled from pasted text, each with a confidence: by the
         *     configured model (the text redacted first), else by the offline rules. Nothing is created.
         */
        post: operations["triage_ticket_api_v1_psa_tickets_triage_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/shares/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public Share */
        get: operations["public_share_api_v1_public_shares__token__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/redaction/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview */
        post: operations["preview_api_v1_redaction_preview_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Schedules
         * @description Your account's recurring schedules (features own them: maintenance, the flywheel).
         */
        get: operations["list_schedules_api_v1_schedules_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview Schedule
         * @description The next runs of a cron expression in an IANA time zone; a 422 names the field
         *     (`cron` or `timezone`) that cannot be used.
         */
        post: operations["preview_schedule_api_v1_schedules_preview_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scripts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Scripts
         * @description Every word of `q` as a prefix over title, description, tags, parameters and body, best
         *     match first; without `q`, the most recently updated.
         */
        get: operations["list_scripts_api_v1_scripts_get"];
        put?: never;
        /**
         * Create Script
         * @description A new script template; its `{{placeholders}}` and declared parameters must agree.
         */
        post: operations["create_script_api_v1_scripts_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scripts/{script_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Script */
        get: operations["get_script_api_v1_scripts__script_id__get"];
        /**
         * Replace Script
         * @description The script as it should be. Its author, a team admin of its owner team, a super admin.
         */
        put: operations["replace_script_api_v1_scripts__script_id__put"];
        post?: never;
        /** Delete Script */
        delete: operations["delete_script_api_v1_scripts__script_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scripts/{script_id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render Script
         * @description The script with every value checked and quoted for its language, or a 422 naming each
         *     bad parameter. With `session_id`, "ran script" is recorded on that session's timeline
         *     (secret values masked; they are never stored).
         */
        post: operations["render_script_api_v1_scripts__script_id__render_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scripts/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Draft Script
         * @description Describe what a script should do: with a model configured, a drafted script with typed
         *     parameters (validated, repaired once, linted); without one, or when the model cannot draft
         *     a usable script, the closest scripts of the library. Nothing is saved; every draft is to be
         *     reviewed before running.
         */
        post: operations["draft_script_api_v1_scripts_draft_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Sessions */
        get: operations["list_sessions_api_v1_sessions_get"];
        put?: never;
        /**
         * Start Session
         * @description A guided session (from a flow, or freeform), or with `"mode": "pilot"` a FlowPilot
         *     session from its intake: the response then carries `matched_flow`, `confidence`, `tier` and
         *     the first `pilot_step`.
         */
        post: operations["start_session_api_v1_sessions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Session */
        get: operations["get_session_api_v1_sessions__session_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload Attachment
         * @description The file's bytes are the body (any content type); its real type is checked by content.
         */
        post: operations["upload_attachment_api_v1_sessions__session_id__attachments_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/attachments/{attachment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download Attachment */
        get: operations["download_attachment_api_v1_sessions__session_id__attachments__attachment_id__get"];
        put?: never;
        post?: never;
        /**
         * Remove Attachment
         * @description Removes a file from the session: it is no longer downloadable, exported or sent to a
         *     model (the way to keep a screenshot from the copilot: images cannot be redacted).
         */
        delete: operations["remove_attachment_api_v1_sessions__session_id__attachments__attachment_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/copilot/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask Copilot
         * @description Ask about this session. The question and the reply land on the timeline; the copilot
         *     sees the flow position, captured values, notes, output and ticket — redacted — and cites
         *     the flows, past sessions and documents it used.
         */
        post: operations["ask_copilot_api_v1_sessions__session_id__copilot_messages_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/documentation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Session Documentation
         * @description The ticket note, redacted, in a format (`pdf`: branded, 503 when the PDF renderer is not
         *     installed) with export options; the defaults are the standard note.
         */
        get: operations["session_documentation_api_v1_sessions__session_id__documentation_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Escalate
         * @description Escalate with a reason and priority (optionally to a person or a team). The handoff is
         *     stored and its people notified first; the AI assessment gets at most 5 seconds, then
         *     finishes in the background (`assessment_status` says which).
         */
        post: operations["escalate_api_v1_sessions__session_id__escalate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Append Event */
        post: operations["append_event_api_v1_sessions__session_id__events_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/model-images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Model Images
         * @description The session's images and whether the next copilot question or FlowPilot step sends
         *     them (with the reason when not). Images are not redacted: this is what the model sees.
         *     `resend_images`: as for a copilot message that asks to send seen images again.
         */
        get: operations["read_model_images_api_v1_sessions__session_id__model_images_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/park": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Park
         * @description Hand the session to a person or a team without escalating (end of shift): exactly one of
         *     `target_user_id` and `target_team_id` (in this account: else 422 naming it), and a short
         *     `note` (stored redacted). The session's owner or a team admin parks; an ended, escalated or
         *     already parked session is 409. The session is paused until someone claims the handoff
         *     (`POST /handoffs/{id}/claim`); resuming it takes the park back. No AI assessment.
         */
        post: operations["park_api_v1_sessions__session_id__park_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/pilot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Pilot */
        get: operations["read_pilot_api_v1_sessions__session_id__pilot_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/pilot/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add Fact */
        post: operations["add_fact_api_v1_sessions__session_id__pilot_facts_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/pilot/facts/{fact_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit Fact
         * @description Confirm, edit or delete (softly: the fact stays, marked deleted, and the deletion is on
         *     the timeline).
         */
        patch: operations["edit_fact_api_v1_sessions__session_id__pilot_facts__fact_id__patch"];
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/pilot/fixes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Fix
         * @description Propose a fix by hand; one active fix at a time (409 while another is being tried).
         */
        post: operations["add_fix_api_v1_sessions__session_id__pilot_fixes_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/pilot/fixes/{fix_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit Fix
         * @description proposed → verifying → applied (with an outcome: success, failed, partial, pending) or
         *     dismissed.
         */
        patch: operations["edit_fix_api_v1_sessions__session_id__pilot_fixes__fix_id__patch"];
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/pilot/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Next Step
         * @description Ask for a step when none is open (e.g. after a fix was marked applied by hand, or when
         *     proposing the last one failed). 409 while a step is open: answer or skip it.
         */
        post: operations["next_step_api_v1_sessions__session_id__pilot_next_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/pilot/steps/{step_id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer Step
         * @description Answer (or skip) the current step; returns the next one with the updated confidence
         *     and tier. The answer is committed before the next step is proposed, so a slow model never
         *     holds the session.
         */
        post: operations["answer_step_api_v1_sessions__session_id__pilot_steps__step_id__answer_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/pilot/steps/{step_id}/revisit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revisit Step
         * @description Go back to an answered question of the accepted flow — one FlowPilot skipped because
         *     the intake answered it, or any answered since: the answers from it on are undone the way
         *     "back" undoes them, and the question is asked again. 409 when the flow is not past it.
         */
        post: operations["revisit_step_api_v1_sessions__session_id__pilot_steps__step_id__revisit_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/pilot/triage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit Triage
         * @description The engineer's edits win: an edited field is never overwritten by FlowPilot again.
         */
        patch: operations["edit_triage_api_v1_sessions__session_id__pilot_triage_patch"];
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/psa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Session Psa
         * @description The linked ticket's context and this session's pushes, for the runner.
         */
        get: operations["session_psa_api_v1_sessions__session_id__psa_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/psa/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preview Push
         * @description Exactly the text a push would post now (redacted), and what was redacted in it.
         */
        get: operations["preview_push_api_v1_sessions__session_id__psa_preview_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/psa/push": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push
         * @description Queues the redacted note for the session's ticket; the outbox sends it at once and
         *     retries it if the PSA is down. Its state lands on the timeline.
         */
        post: operations["push_api_v1_sessions__session_id__psa_push_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/psa/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link Ticket
         * @description Links a PSA ticket to the session (or refreshes its context) and records it on the
         *     timeline.
         */
        post: operations["link_ticket_api_v1_sessions__session_id__psa_ticket_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/redaction-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Session Redaction Reports
         * @description Every time this session's content left: where, by whom, and the kinds and counts of
         *     what was redacted (never the values).
         */
        get: operations["session_redaction_reports_api_v1_sessions__session_id__redaction_reports_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/resolution-package": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Resolution Package
         * @description The PSA note (Problem / What we confirmed / Root cause / Resolution), a knowledge-base
         *     article draft and a plain-language client summary, redacted: written by the deep model
         *     when one is configured, from templates over the timeline otherwise. Kept per session state:
         *     reading it again with nothing changed does not ask the model again.
         */
        get: operations["resolution_package_api_v1_sessions__session_id__resolution_package_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/scratchpad": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Scratchpad
         * @description Your private scratchpad on the session (empty until written). Only the session's owner
         *     has one: anyone else, team admins included, gets 404. It never reaches notes, shares,
         *     exports, search or model prompts; promote a line by appending it as a note.
         */
        get: operations["read_scratchpad_api_v1_sessions__session_id__scratchpad_get"];
        /**
         * Save Scratchpad
         * @description Replaces your scratchpad's text (at most 20,000 characters; kept as typed).
         */
        put: operations["save_scratchpad_api_v1_sessions__session_id__scratchpad_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Shares */
        get: operations["list_shares_api_v1_sessions__session_id__shares_get"];
        put?: never;
        /** Create Share */
        post: operations["create_share_api_v1_sessions__session_id__shares_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/shares/{share_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke Share */
        delete: operations["revoke_share_api_v1_sessions__session_id__shares__share_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/spin-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Spin Off
         * @description A related ticket for a second problem: same company and board as the session's ticket,
         *     referencing it, with a note on the original naming the new one and a `ticket_spun_off`
         *     entry on the timeline.
         */
        post: operations["spin_off_api_v1_sessions__session_id__spin_off_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/status-update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Status Update
         * @description A status update for an audience (internal note, client update, email draft), short or
         *     detailed — for any session, redacted. Nothing is sent: the text is for the engineer to use.
         */
        post: operations["status_update_api_v1_sessions__session_id__status_update_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream Session
         * @description Server-sent events: each new timeline event as `event: session_event` with its `seq` as
         *     the id. The stream holds no database session open, and re-checks on every wake-up that the
         *     caller's sign-in is still valid and the session still visible to them. It always ends with
         *     `event: end` and `{"reason": …}`: `expired` (its lifetime is over: reconnect),
         *     `unauthorized` (the sign-in ended: reconnecting gets 401) or `forbidden` (the session is no
         *     longer visible: reconnecting gets 404).
         */
        get: operations["stream_session_api_v1_sessions__session_id__stream_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shares/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Account Share */
        get: operations["account_share_api_v1_shares__token__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shares/{token}/documentation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Account Share Documentation */
        get: operations["account_share_documentation_api_v1_shares__token__documentation_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Steps
         * @description Full text over titles, bodies, answers, tags and category (every word, as a prefix),
         *     with filters; best match first when searching, else the most recently updated.
         */
        get: operations["list_steps_api_v1_steps_get"];
        put?: never;
        /**
         * Create Step
         * @description A new library step (by hand, or "save to library" from an editor node).
         */
        post: operations["create_step_api_v1_steps_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/steps/{library_step_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Step */
        get: operations["get_step_api_v1_steps__library_step_id__get"];
        /**
         * Replace Step
         * @description The step as it should be; its revision goes up, so linked flow nodes offer "update from
         *     library". The author, a team admin of the owner team, or a super admin.
         */
        put: operations["replace_step_api_v1_steps__library_step_id__put"];
        post?: never;
        /**
         * Delete Step
         * @description Removes the step, its ratings, flags and links; flow nodes keep their text.
         */
        delete: operations["delete_step_api_v1_steps__library_step_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/steps/{library_step_id}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Flag Step
         * @description "This step is wrong", with a reason; open until a team admin resolves or dismisses it.
         */
        post: operations["flag_step_api_v1_steps__library_step_id__flags_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/steps/{library_step_id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Rate Step
         * @description Your 1 to 5 stars and optional review; rating again replaces them.
         */
        put: operations["rate_step_api_v1_steps__library_step_id__rating_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/steps/{library_step_id}/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Step Ratings
         * @description Every rating and review of the step, newest first.
         */
        get: operations["list_step_ratings_api_v1_steps__library_step_id__ratings_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/steps/facets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Step Facets */
        get: operations["step_facets_api_v1_steps_facets_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/steps/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Step Flags
         * @description "This step is wrong" flags, newest first (the review queue reads `status=open`).
         */
        get: operations["list_step_flags_api_v1_steps_flags_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/steps/flags/{flag_id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dismiss Step Flag
         * @description The step was right. Team admins of the step's owner team.
         */
        post: operations["dismiss_step_flag_api_v1_steps_flags__flag_id__dismiss_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/steps/flags/{flag_id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve Step Flag
         * @description The step was wrong and has been fixed. Team admins of the step's owner team.
         */
        post: operations["resolve_step_flag_api_v1_steps_flags__flag_id__resolve_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/steps/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Suggest Steps
         * @description Library steps for a problem, ranked as FlowPilot and the copilot rank them: text
         *     relevance with the bounded quality boost (ratings, verified uses, open flags).
         */
        get: operations["suggest_steps_api_v1_steps_suggestions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/target-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Target Lists */
        get: operations["list_target_lists_api_v1_target_lists_get"];
        put?: never;
        /**
         * Create Target List
         * @description A named set of targets; labels are unique in a list (422 naming the repeated one).
         */
        post: operations["create_target_list_api_v1_target_lists_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/target-lists/{target_list_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Target List */
        get: operations["get_target_list_api_v1_target_lists__target_list_id__get"];
        /**
         * Replace Target List
         * @description The list as it should be; running batches keep the targets they were launched with.
         */
        put: operations["replace_target_list_api_v1_target_lists__target_list_id__put"];
        post?: never;
        /**
         * Delete Target List
         * @description 409 while a maintenance schedule uses the list.
         */
        delete: operations["delete_target_list_api_v1_target_lists__target_list_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/target-lists/csv-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview Target Csv
         * @description Reads a CSV of targets and lists each row's problems; stores nothing. Save the valid
         *     `targets` with POST or PUT of a target list.
         */
        post: operations["preview_target_csv_api_v1_target_lists_csv_preview_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/target-lists/psa-configurations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Psa Configurations
         * @description A company's active configurations in the connected PSA as candidate targets (label from
         *     the configuration's name, client from the company, fields ip/os/site/type where present);
         *     stores nothing. ConnectWise and Autotask; another PSA is a 409 saying it is unsupported.
         */
        get: operations["psa_configurations_api_v1_target_lists_psa_configurations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Teams */
        get: operations["list_teams_api_v1_teams_get"];
        put?: never;
        /** Create Team */
        post: operations["create_team_api_v1_teams_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{team_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Team */
        get: operations["get_team_api_v1_teams__team_id__get"];
        put?: never;
        post?: never;
        /** Delete Team */
        delete: operations["delete_team_api_v1_teams__team_id__delete"];
        options?: never;
        head?: never;
        /** Update Team */
        patch: operations["update_team_api_v1_teams__team_id__patch"];
        trace?: never;
    };
    "/api/v1/teams/{team_id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add Member */
        put: operations["add_member_api_v1_teams__team_id__members__user_id__put"];
        post?: never;
        /** Remove Member */
        delete: operations["remove_member_api_v1_teams__team_id__members__user_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Users */
        get: operations["list_users_api_v1_users_get"];
        put?: never;
        /** Create User */
        post: operations["create_user_api_v1_users_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get User */
        get: operations["get_user_api_v1_users__user_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update User */
        patch: operations["update_user_api_v1_users__user_id__patch"];
        trace?: never;
    };
    "/api/v1/users/{user_id}/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign Out Everywhere
         * @description Signs the user out on every device at once (their personal API tokens stay).
         */
        post: operations["sign_out_everywhere_api_v1_users__user_id__sign_out_everywhere_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AbandonIn */
        AbandonIn: {
            /**
             * Summary
             * @default
             */
            summary: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "abandon";
        };
        /**
         * AcceptSuggestionIn
         * @description Follow one of a copilot reply's suggestions: it becomes a step on the timeline.
         */
        AcceptSuggestionIn: {
            /** Index */
            index: number;
            /** Reply Seq */
            reply_seq: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "accept_suggestion";
        };
        /** AccountCreate */
        AccountCreate: {
            /**
             * Admin Email
             * Format: email
             */
            admin_email: string;
            /** Admin Name */
            admin_name: string;
            /** Admin Password */
            admin_password?: string | null;
            /** Name */
            name: string;
        };
        /** AccountCreated */
        AccountCreated: {
            /**
             * Admin User Id
             * Format: uuid
             */
            admin_user_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Engineers Can Publish */
            engineers_can_publish: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            invite?: components["schemas"]["InviteIssued"] | null;
            /** Name */
            name: string;
            /** Redact Emails */
            redact_emails: boolean;
            /** Redact Ip Addresses */
            redact_ip_addresses: boolean;
            /** Redact Phones */
            redact_phones: boolean;
            /** Slug */
            slug: string;
            /** User Count */
            user_count: number;
        };
        /** AccountRead */
        AccountRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Engineers Can Publish */
            engineers_can_publish: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Redact Emails */
            redact_emails: boolean;
            /** Redact Ip Addresses */
            redact_ip_addresses: boolean;
            /** Redact Phones */
            redact_phones: boolean;
            /** Slug */
            slug: string;
            /** User Count */
            user_count: number;
        };
        /** AccountUpdate */
        AccountUpdate: {
            /** Engineers Can Publish */
            engineers_can_publish?: boolean | null;
            /** Name */
            name?: string | null;
            /** Redact Emails */
            redact_emails?: boolean | null;
            /** Redact Ip Addresses */
            redact_ip_addresses?: boolean | null;
            /** Redact Phones */
            redact_phones?: boolean | null;
        };
        /** AISettingsRead */
        AISettingsRead: {
            /** Api Key Set */
            api_key_set: boolean;
            /** Base Url */
            base_url: string | null;
            /** Budget Reached */
            budget_reached: boolean;
            /** Deep Model */
            deep_model: string | null;
            /** Effective Deep Model */
            effective_deep_model: string;
            /** Effective Fast Model */
            effective_fast_model: string;
            /** Effective Note */
            effective_note: string;
            /**
             * Effective Provider
             * @enum {string}
             */
            effective_provider: "offline" | "anthropic" | "openai";
            /** Fast Model */
            fast_model: string | null;
            installation: components["schemas"]["InstallationDefaults"];
            /** Month Spend Usd */
            month_spend_usd: string;
            /** Monthly Budget Usd */
            monthly_budget_usd: string | null;
            /** Provider */
            provider: ("offline" | "anthropic" | "openai") | null;
        };
        /**
         * AISettingsWrite
         * @description Null fields inherit the installation's defaults.
         */
        AISettingsWrite: {
            /** Api Key */
            api_key?: string | null;
            /** Base Url */
            base_url?: string | null;
            /** Deep Model */
            deep_model?: string | null;
            /** Fast Model */
            fast_model?: string | null;
            /** Monthly Budget Usd */
            monthly_budget_usd?: number | string | null;
            /** Provider */
            provider?: ("offline" | "anthropic" | "openai") | null;
        };
        /** AnswerIn */
        AnswerIn: {
            /**
             * Answer
             * @default
             */
            answer: string;
            /**
             * Apply To Remaining
             * @description On a maintenance batch session: give the same answer on every remaining target of the batch that is at this step (each records where it came from)
             */
            apply_to_remaining?: boolean | null;
            /** Items */
            items?: (number | string)[] | null;
            /** Node Id */
            node_id: string;
            /** Result */
            result?: string | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "answer";
            /** Value */
            value?: string | null;
        };
        /** ApiTokenCreate */
        ApiTokenCreate: {
            /**
             * Expires In Days
             * @description Days until the token stops working, 1 to 365 (90 when left out). Tokens always expire.
             * @default 90
             */
            expires_in_days: number;
            /** Name */
            name: string;
        };
        /** ApiTokenCreated */
        ApiTokenCreated: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Expires At */
            expires_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Name */
            name: string;
            /** Prefix */
            prefix: string;
            /** Revoked At */
            revoked_at: string | null;
            /**
             * Token
             * @description The secret. Shown once; store it now.
             */
            token: string;
        };
        /** ApiTokenRead */
        ApiTokenRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Expires At */
            expires_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Name */
            name: string;
            /** Prefix */
            prefix: string;
            /** Revoked At */
            revoked_at: string | null;
        };
        /** Approved */
        Approved: {
            /** Draft Version */
            draft_version?: number | null;
            /**
             * Flow Id
             * Format: uuid
             */
            flow_id: string;
        };
        /** AttachmentIn */
        AttachmentIn: {
            /** Content Type */
            content_type: string;
            /** Data Base64 */
            data_base64: string;
            /** Filename */
            filename: string;
        };
        /** AttachmentRead */
        AttachmentRead: {
            /** Content Type */
            content_type: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Filename */
            filename: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Size */
            size: number;
            /** Url */
            url: string;
        };
        /** AuditEventRead */
        AuditEventRead: {
            /** Action */
            action: string;
            /** Actor Email */
            actor_email: string | null;
            /** Actor Id */
            actor_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Detail */
            detail: {
                [key: string]: unknown;
            };
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Ip */
            ip: string | null;
            /** Target Id */
            target_id: string | null;
            /** Target Type */
            target_type: string | null;
            /** User Agent */
            user_agent: string | null;
        };
        /** BackIn */
        BackIn: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "back";
        };
        /** BatchCancelIn */
        BatchCancelIn: {
            /** Reason */
            reason: string;
        };
        /** BatchCancellation */
        BatchCancellation: {
            /**
             * Cancelled At
             * Format: date-time
             */
            cancelled_at: string;
            /** Cancelled By Id */
            cancelled_by_id: string | null;
            /** Cancelled By Name */
            cancelled_by_name: string | null;
            /**
             * Reason
             * @description Redacted
             */
            reason: string;
        };
        /** BatchCounts */
        BatchCounts: {
            /**
             * Done
             * @default 0
             */
            done: number;
            /**
             * Escalated
             * @default 0
             */
            escalated: number;
            /**
             * Failed
             * @default 0
             */
            failed: number;
            /**
             * In Progress
             * @default 0
             */
            in_progress: number;
            /**
             * Pending
             * @default 0
             */
            pending: number;
            /**
             * Skipped
             * @default 0
             */
            skipped: number;
            /**
             * Total
             * @default 0
             */
            total: number;
        };
        /** BatchCreate */
        BatchCreate: {
            /** Assignee User Id */
            assignee_user_id?: string | null;
            /**
             * Assignment
             * @description user (assignee_user_id; the launcher when none), pool (the team claims targets) or round_robin (the team's members in turn); default from what is given
             */
            assignment?: ("user" | "pool" | "round_robin") | null;
            /**
             * Client Tickets
             * @description Client name → PSA ticket: on completion each client gets one note there
             */
            client_tickets?: {
                [key: string]: string;
            };
            /**
             * Flow Id
             * Format: uuid
             */
            flow_id: string;
            /** Target List Id */
            target_list_id?: string | null;
            /** Targets */
            targets?: components["schemas"]["TargetIn"][] | null;
            /** Team Id */
            team_id?: string | null;
            /** Title */
            title?: string | null;
        };
        /** BatchItemRead */
        BatchItemRead: {
            /** Active Seconds */
            active_seconds: number;
            /** Assignee Id */
            assignee_id: string | null;
            /** Assignee Name */
            assignee_name: string | null;
            /** Client */
            client: string;
            /** Fields */
            fields: {
                [key: string]: string;
            };
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Label */
            label: string;
            /** Last Event At */
            last_event_at: string | null;
            /** Last Event Type */
            last_event_type: string | null;
            /** Position */
            position: number;
            /** Reason */
            reason: string;
            /** Session Id */
            session_id: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "in_progress" | "done" | "skipped" | "failed" | "escalated";
            /** Target Id */
            target_id: string | null;
        };
        /** BatchPage */
        BatchPage: {
            /** Items */
            items: components["schemas"]["BatchSummary"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** BatchRead */
        BatchRead: {
            /** Assignee User Id */
            assignee_user_id: string | null;
            /**
             * Assignment
             * @enum {string}
             */
            assignment: "user" | "pool" | "round_robin";
            /** @description Who cancelled the batch, when and why (status `cancelled`) */
            cancellation?: components["schemas"]["BatchCancellation"] | null;
            /** Client Tickets */
            client_tickets: {
                [key: string]: string;
            };
            /** Completed At */
            completed_at: string | null;
            counts: components["schemas"]["BatchCounts"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Flow Id */
            flow_id: string | null;
            /** Flow Title */
            flow_title: string;
            /** Flow Version */
            flow_version: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Items */
            items: components["schemas"]["BatchItemRead"][];
            /** Launched By Id */
            launched_by_id: string | null;
            /** Psa Notes */
            psa_notes: {
                [key: string]: {
                    [key: string]: string;
                };
            };
            /** Schedule Id */
            schedule_id: string | null;
            /** Slot At */
            slot_at: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "running" | "completed" | "cancelled";
            /** Target List Id */
            target_list_id: string | null;
            /** Team Id */
            team_id: string | null;
            /** Title */
            title: string;
        };
        /** BatchSummary */
        BatchSummary: {
            /** Assignee User Id */
            assignee_user_id: string | null;
            /**
             * Assignment
             * @enum {string}
             */
            assignment: "user" | "pool" | "round_robin";
            /** Completed At */
            completed_at: string | null;
            counts: components["schemas"]["BatchCounts"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Flow Id */
            flow_id: string | null;
            /** Flow Title */
            flow_title: string;
            /** Flow Version */
            flow_version: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Launched By Id */
            launched_by_id: string | null;
            /** Schedule Id */
            schedule_id: string | null;
            /** Slot At */
            slot_at: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "running" | "completed" | "cancelled";
            /** Target List Id */
            target_list_id: string | null;
            /** Team Id */
            team_id: string | null;
            /** Title */
            title: string;
        };
        /** BrandingLogo */
        BrandingLogo: {
            /** Content Type */
            content_type: string;
            /** Url */
            url: string;
        };
        /** BrandingRead */
        BrandingRead: {
            /** Footer Text */
            footer_text: string;
            logo: components["schemas"]["BrandingLogo"] | null;
            /** Primary Color */
            primary_color: string | null;
        };
        /**
         * BrandingUpdate
         * @description The colour of headings and the footer line of exported PDFs (the logo has its own
         *     route). Both are replaced: null / "" clears them.
         */
        BrandingUpdate: {
            /**
             * Footer Text
             * @default
             */
            footer_text: string;
            /** Primary Color */
            primary_color?: string | null;
        };
        /** CalibrationBucket */
        CalibrationBucket: {
            /** Accuracy */
            accuracy: number | null;
            /** Correct */
            correct: number;
            /** Label */
            label: string;
            /** Rated */
            rated: number;
        };
        /** ChannelsRead */
        ChannelsRead: {
            /** Slack Webhook Set */
            slack_webhook_set: boolean;
            /** Teams Webhook Set */
            teams_webhook_set: boolean;
        };
        /**
         * ChannelsWrite
         * @description Omitted or null: keep; "" removes.
         */
        ChannelsWrite: {
            /** Slack Webhook Url */
            slack_webhook_url?: string | null;
            /** Teams Webhook Url */
            teams_webhook_url?: string | null;
        };
        /** ChannelTest */
        ChannelTest: {
            /** Failed */
            failed: string[];
            /** Ok */
            ok: boolean;
            /** Sent To */
            sent_to: string[];
        };
        /** CheckIn */
        CheckIn: {
            /**
             * Checked
             * @default true
             */
            checked: boolean;
            /** Item */
            item: number | string;
            /** Node Id */
            node_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "check";
        };
        /** ChoiceRead */
        ChoiceRead: {
            /** Id */
            id: string;
            /** Name */
            name: string;
        };
        /** ChunkRead */
        ChunkRead: {
            /** Heading */
            heading: string | null;
            /** Ordinal */
            ordinal: number;
            /** Page */
            page: number | null;
            /** Text */
            text: string;
        };
        /**
         * ClaimRight
         * @description Whether the viewer may pick a handoff up, so the screen offers only what will work.
         * @enum {string}
         */
        ClaimRight: "yes" | "as_admin" | "not_theirs" | "no";
        /**
         * ClientTicketsIn
         * @description Client name → PSA ticket, for every client that should get a note (a blank ticket or a
         *     client left out: no note).
         */
        ClientTicketsIn: {
            [key: string]: string;
        };
        /** CommandOutputIn */
        CommandOutputIn: {
            /** Command */
            command?: string | null;
            /** Text */
            text: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "command_output";
        };
        /** CommentIn */
        CommentIn: {
            /** Text */
            text: string;
        };
        /** CommentRead */
        CommentRead: {
            /** Author Id */
            author_id: string | null;
            /** Author Name */
            author_name: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Text */
            text: string;
        };
        /** CompanyRead */
        CompanyRead: {
            /** Id */
            id: string;
            /** Identifier */
            identifier?: string | null;
            /** Name */
            name: string;
        };
        /** ConfigurationRead */
        ConfigurationRead: {
            /** Id */
            id: string;
            /** Ip Address */
            ip_address?: string | null;
            /** Name */
            name: string;
            /** Os */
            os?: string | null;
            /** Serial */
            serial?: string | null;
            /** Type */
            type?: string | null;
        };
        /** ConnectionTest */
        ConnectionTest: {
            /** Latency Ms */
            latency_ms: number;
            /** Message */
            message: string;
            /** Model */
            model: string;
            /** Ok */
            ok: boolean;
            /** Provider */
            provider: string;
        };
        /** ContactRead */
        ContactRead: {
            /** Company Id */
            company_id?: string | null;
            /** Id */
            id: string;
            /** Name */
            name: string;
        };
        /** ConversationCreate */
        ConversationCreate: {
            /**
             * Title
             * @default
             */
            title: string;
        };
        /** ConversationDetail */
        ConversationDetail: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Message Count */
            message_count: number;
            /** Messages */
            messages: components["schemas"]["MessageRead"][];
            /** Session Id */
            session_id: string | null;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** ConversationSummary */
        ConversationSummary: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Message Count */
            message_count: number;
            /** Session Id */
            session_id: string | null;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** CopilotMessageIn */
        CopilotMessageIn: {
            /** Content */
            content: string;
            /**
             * Resend Images
             * @default false
             */
            resend_images: boolean;
        };
        /** CopilotReply */
        CopilotReply: {
            /** Confidence */
            confidence: number;
            /**
             * Confidence Label
             * @enum {string}
             */
            confidence_label: "low" | "medium" | "high";
            /** Content */
            content: string;
            /** Model */
            model: string;
            /** Note */
            note?: string | null;
            /** Provider */
            provider: string;
            /** Question Seq */
            question_seq?: number | null;
            /**
             * Reason
             * @default
             */
            reason: string;
            /** Reply Seq */
            reply_seq?: number | null;
            /** Sources */
            sources: components["schemas"]["Source"][];
            /** Suggestions */
            suggestions: components["schemas"]["Suggestion"][];
            /**
             * Tier
             * @enum {string}
             */
            tier: "fast" | "deep";
        };
        /** CopilotUse */
        CopilotUse: {
            /**
             * Accepted Sessions
             * @description Sessions where a suggestion was accepted
             */
            accepted_sessions: number;
            /**
             * Rate
             * @description sessions / all sessions
             */
            rate: number | null;
            /**
             * Sessions
             * @description Sessions where the copilot offered suggestions
             */
            sessions: number;
            /** Suggestions Accepted */
            suggestions_accepted: number;
        };
        /** Coverage */
        Coverage: {
            /**
             * Cells
             * @description Non-empty cells only; a missing cell is 0
             */
            cells: components["schemas"]["CoverageCell"][];
            /** Cols */
            cols: string[];
            /**
             * Cols By
             * @enum {string}
             */
            cols_by: "outcome" | "category";
            /** Days */
            days: number;
            filters: components["schemas"]["Filters"];
            /**
             * From
             * Format: date
             * @description First day (UTC), included
             */
            from: string;
            /**
             * Rows
             * @description Most sessions first
             */
            rows: string[];
            /**
             * Rows By
             * @enum {string}
             */
            rows_by: "category" | "client";
            /**
             * To
             * Format: date
             * @description Last day (UTC), included
             */
            to: string;
            /** Total */
            total: number;
        };
        /** CoverageCell */
        CoverageCell: {
            /** Col */
            col: string;
            /** Count */
            count: number;
            /** Row */
            row: string;
            /**
             * Sessions Query
             * @description Query string for GET /api/v1/analytics/sessions listing this cell's sessions
             */
            sessions_query: string;
        };
        /**
         * CsvPreview
         * @description Nothing is stored: `targets` are the valid rows, ready for POST/PUT of a target list.
         */
        CsvPreview: {
            /** Error Count */
            error_count: number;
            /**
             * Fields
             * @description The columns read as target fields
             */
            fields: string[];
            /** Rows */
            rows: components["schemas"]["CsvRow"][];
            /** Targets */
            targets: components["schemas"]["TargetIn"][];
        };
        /** CsvPreviewIn */
        CsvPreviewIn: {
            /**
             * Csv
             * @description A header row (label, client, notes, psa_company_id, psa_config_id; any other column becomes a field), then one target per row
             */
            csv: string;
        };
        /** CsvRow */
        CsvRow: {
            /** Errors */
            errors: string[];
            /** Label */
            label: string;
            /** Ok */
            ok: boolean;
            /**
             * Row
             * @description Line number in the file (the header is line 1)
             */
            row: number;
        };
        /**
         * DeskRead
         * @description Whether the caller's team has a PSA whose tickets the app can list and create (the
         *     Tickets page and its nav entry); no call to the PSA.
         */
        DeskRead: {
            /** Connected */
            connected: boolean;
            /** Provider */
            provider?: string | null;
            /** Provider Label */
            provider_label?: string | null;
            /** Tickets */
            tickets: boolean;
        };
        /** DiffRead */
        DiffRead: {
            edges: components["schemas"]["EdgeChanges"];
            /**
             * Fields
             * @default []
             */
            fields: string[];
            nodes: components["schemas"]["NodeChanges"];
        };
        /** DiscoverIn */
        DiscoverIn: {
            /** Company Id */
            company_id: string;
            /** Site */
            site: string;
        };
        /** DiscoverRead */
        DiscoverRead: {
            /** Base Url */
            base_url: string;
            /** Codebase */
            codebase: string;
            /** Company Name */
            company_name: string | null;
        };
        /** DraftIn */
        DraftIn: {
            /** Description */
            description: string;
            /**
             * Language
             * @enum {string}
             */
            language: "powershell" | "bash" | "cmd" | "python";
        };
        /** DraftOut */
        DraftOut: {
            draft?: components["schemas"]["ScriptDraft"] | null;
            /** Lint */
            lint?: components["schemas"]["LintFinding"][];
            /**
             * Lint Note
             * @default
             */
            lint_note: string;
            /** Matches */
            matches?: components["schemas"]["ScriptRead"][];
            /** Message */
            message: string;
            /**
             * Review Note
             * @default Review before running
             */
            review_note: string;
            /**
             * Source
             * @enum {string}
             */
            source: "model" | "library";
        };
        /** Edge */
        Edge: {
            /**
             * Label
             * @default
             */
            label: string;
            /** Source */
            source: string;
            /** Target */
            target: string;
        };
        /** EdgeChanges */
        EdgeChanges: {
            /**
             * Added
             * @default []
             */
            added: components["schemas"]["EdgeRef"][];
            /**
             * Changed
             * @default []
             */
            changed: components["schemas"]["EdgeRef"][];
            /**
             * Removed
             * @default []
             */
            removed: components["schemas"]["EdgeRef"][];
        };
        /** EdgeFigures */
        EdgeFigures: {
            /** In Graph */
            in_graph: boolean;
            /** Label */
            label: string | null;
            /** Source */
            source: string;
            /**
             * Taken
             * @description Times a run answered `source` and was shown `target` next
             */
            taken: number;
            /** Target */
            target: string;
        };
        /** EdgeRef */
        EdgeRef: {
            /** Label */
            label: string;
            /** Source */
            source: string;
            /** Target */
            target: string;
        };
        /** EscalateIn */
        EscalateIn: {
            /**
             * Priority
             * @default medium
             * @enum {string}
             */
            priority: "low" | "medium" | "high" | "urgent";
            /** Reason */
            reason: string;
            /** Target Team Id */
            target_team_id?: string | null;
            /** Target User Id */
            target_user_id?: string | null;
        };
        /** EscalationMetrics */
        EscalationMetrics: {
            /** Assessment Accuracy */
            assessment_accuracy: number | null;
            /** Assessments Rated */
            assessments_rated: number;
            /** Calibration */
            calibration: components["schemas"]["CalibrationBucket"][];
            /** Claimed */
            claimed: number;
            /** Days */
            days: number;
            /** Escalations */
            escalations: number;
            /** Median Pickup To Resolution S */
            median_pickup_to_resolution_s: number | null;
            /** Median Time To Pickup S */
            median_time_to_pickup_s: number | null;
            /** Per Engineer */
            per_engineer: components["schemas"]["RateRow"][];
            /** Per Flow */
            per_flow: components["schemas"]["RateRow"][];
        };
        /** EventRead */
        EventRead: {
            /** Actor Id */
            actor_id: string | null;
            /** Actor Name */
            actor_name: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Duration Seconds
             * @description Answers: the active seconds from the step being shown to this answer (pauses, parking and escalation waits excluded)
             */
            duration_seconds?: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Payload */
            payload: {
                [key: string]: unknown;
            };
            /** Seq */
            seq: number;
            /** Type */
            type: string;
        };
        /** EventsAppended */
        EventsAppended: {
            /** Events */
            events: components["schemas"]["EventRead"][];
            session: components["schemas"]["SessionRead"];
        };
        /** Evidence */
        Evidence: {
            /** Ended At */
            ended_at?: string | null;
            /** Engineer Id */
            engineer_id?: string | null;
            /** Link */
            link: string;
            /**
             * Session Id
             * Format: uuid
             */
            session_id: string;
            /** Status */
            status: string;
            /** Title */
            title: string;
        };
        /**
         * ExperimentCreate
         * @description Exactly one of `candidate_version` and `use_draft` names variant B; A is the flow's
         *     published version.
         */
        ExperimentCreate: {
            /**
             * Candidate Version
             * @description A published version of the flow to run as variant B
             */
            candidate_version?: number | null;
            /**
             * Split
             * @description The share of new sessions that get variant B (0.05 to 0.95)
             * @default 0.5
             */
            split: number;
            /**
             * Use Draft
             * @description Run the current draft as variant B: it is published as a candidate version (immutable; not the flow's current version unless the test promotes it)
             */
            use_draft?: boolean | null;
        };
        /** ExperimentPage */
        ExperimentPage: {
            /** Items */
            items: components["schemas"]["ExperimentRead"][];
        };
        /** ExperimentRead */
        ExperimentRead: {
            /**
             * B Source
             * @description `draft`: B is the draft as it was when the test started
             * @enum {string}
             */
            b_source: "version" | "draft";
            /** Draft Revision */
            draft_revision: number | null;
            /** Ended At */
            ended_at: string | null;
            /** Ended By Id */
            ended_by_id: string | null;
            /** Ended By Name */
            ended_by_name: string | null;
            /**
             * Flow Id
             * Format: uuid
             */
            flow_id: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Promoted */
            promoted: ("a" | "b") | null;
            /**
             * Promoted Version
             * @description The version B became when promoted
             */
            promoted_version: number | null;
            results: components["schemas"]["ExperimentResults"];
            /**
             * Split
             * @description The share of new sessions that get variant B
             */
            split: number;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /** Started By Id */
            started_by_id: string | null;
            /** Started By Name */
            started_by_name: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "running" | "stopped";
            /** Version A */
            version_a: number;
            /** Version B */
            version_b: number;
        };
        /** ExperimentResults */
        ExperimentResults: {
            a: components["schemas"]["VariantResults"];
            b: components["schemas"]["VariantResults"];
            /**
             * Conclusion
             * @description The results in one plain sentence
             */
            conclusion: string;
            /**
             * More Runs Needed
             * @description How many more completed runs the smaller variant needs for that
             */
            more_runs_needed: number;
            /** @description Resolution rate B vs A: two-proportion z-test, or Fisher's exact test when an expected count is below 5; null until both variants have completed runs */
            resolution_test: components["schemas"]["SignificanceTest"] | null;
            /**
             * Runs Needed Per Variant
             * @description Completed runs per variant needed to detect a 10-point difference in resolution rate (alpha 0.05 two-sided, power 0.8)
             */
            runs_needed_per_variant: number;
            /** @description Active time to resolve: Mann-Whitney U; null until both have resolved runs */
            time_test: components["schemas"]["SignificanceTest"] | null;
        };
        /** ExperimentStop */
        ExperimentStop: {
            /**
             * Promote
             * @description `b`: B becomes the flow's published version (as a new version number); `a` or null: the published version stays as it is
             */
            promote?: ("a" | "b") | null;
        };
        /** Facet */
        Facet: {
            /** Count */
            count: number;
            /** Name */
            name: string;
        };
        /** Facets */
        Facets: {
            /** Categories */
            categories: components["schemas"]["Facet"][];
            /** Tags */
            tags: components["schemas"]["Facet"][];
        };
        /** FactIn */
        FactIn: {
            /** Text */
            text: string;
        };
        /** FactPatch */
        FactPatch: {
            /** Status */
            status?: ("confirmed" | "deleted") | null;
            /** Text */
            text?: string | null;
        };
        /** FactRead */
        FactRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Origin
             * @enum {string}
             */
            origin: "ai" | "engineer";
            /**
             * Status
             * @enum {string}
             */
            status: "proposed" | "confirmed" | "deleted";
            /** Text */
            text: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** FieldRead */
        FieldRead: {
            /** Help */
            help: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "text" | "secret" | "url";
            /** Label */
            label: string;
            /** Name */
            name: string;
            /** Placeholder */
            placeholder: string;
            /** Required */
            required: boolean;
        };
        /**
         * Filters
         * @description The filters the figures were computed with (an engineer's `user_id` is always their own).
         */
        Filters: {
            /** Category */
            category?: string | null;
            /** Client */
            client?: string | null;
            /** Experiment Id */
            experiment_id?: string | null;
            /** Flow Id */
            flow_id?: string | null;
            /** Team Id */
            team_id?: string | null;
            /** User Id */
            user_id?: string | null;
            /** Variant */
            variant?: ("a" | "b") | null;
        };
        /** FindingRead */
        FindingRead: {
            /** End */
            end: number;
            /** Kind */
            kind: string;
            /** Start */
            start: number;
        };
        /** FixDraft */
        FixDraft: {
            /** Command */
            command?: string | null;
            /**
             * Instructions
             * @default
             */
            instructions: string;
            /** Title */
            title: string;
        };
        /** FixIn */
        FixIn: {
            /** Command */
            command?: string | null;
            /**
             * Instructions
             * @default
             */
            instructions: string;
            /** Title */
            title: string;
        };
        /** FixPatch */
        FixPatch: {
            /** Note */
            note?: string | null;
            /** Outcome */
            outcome?: ("success" | "failed" | "partial" | "pending") | null;
            /** Status */
            status?: ("verifying" | "applied" | "dismissed") | null;
        };
        /** FixRead */
        FixRead: {
            /** Command */
            command: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Instructions */
            instructions: string;
            /** Note */
            note: string;
            /** Outcome */
            outcome: ("success" | "failed" | "partial" | "pending") | null;
            /**
             * Status
             * @enum {string}
             */
            status: "proposed" | "verifying" | "applied" | "dismissed";
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** FlagClose */
        FlagClose: {
            /**
             * Note
             * @default
             */
            note: string;
        };
        /** FlagCreate */
        FlagCreate: {
            /** Reason */
            reason: string;
        };
        /** FlagPage */
        FlagPage: {
            /** Items */
            items: components["schemas"]["FlagRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** FlagRead */
        FlagRead: {
            /** Closed At */
            closed_at: string | null;
            /** Closed By Id */
            closed_by_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * May Close
             * @description Whether the caller may resolve or dismiss it
             */
            may_close: boolean;
            /** Note */
            note: string;
            /** Reason */
            reason: string;
            /** Reporter Id */
            reporter_id: string | null;
            /** Reporter Name */
            reporter_name: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "resolved" | "dismissed";
            /**
             * Step Id
             * Format: uuid
             */
            step_id: string;
            /** Step Title */
            step_title: string;
            /** Team Id */
            team_id: string | null;
        };
        /** FlowAnalytics */
        FlowAnalytics: {
            /** Abandoned */
            abandoned: number;
            /** Abandonment Rate */
            abandonment_rate: number | null;
            /** Category */
            category: string;
            /** Days */
            days: number;
            /** Edges */
            edges: components["schemas"]["EdgeFigures"][];
            /** Escalated */
            escalated: number;
            /** Escalation Rate */
            escalation_rate: number | null;
            filters: components["schemas"]["Filters"];
            /**
             * Flow Id
             * Format: uuid
             */
            flow_id: string;
            /**
             * From
             * Format: date
             * @description First day (UTC), included
             */
            from: string;
            /** Kind */
            kind: string;
            /** Last Edited */
            last_edited: string | null;
            /**
             * Median Active Seconds
             * @description Median active time of resolved runs
             */
            median_active_seconds: number | null;
            /** Nodes */
            nodes: components["schemas"]["NodeFigures"][];
            /** Open */
            open: number;
            rating: components["schemas"]["Rating"] | null;
            /** Resolution Rate */
            resolution_rate: number | null;
            /** Resolved */
            resolved: number;
            /** Runs */
            runs: number;
            /** Title */
            title: string;
            /**
             * To
             * Format: date
             * @description Last day (UTC), included
             */
            to: string;
            /** Unresolved */
            unresolved: number;
            /**
             * Version
             * @description The latest published version (the graph shown)
             */
            version: number | null;
            /**
             * Workaround
             * @description Of `resolved`: runs resolved with a workaround
             */
            workaround: number;
        };
        /** FlowDocument */
        FlowDocument: {
            /**
             * Category
             * @default
             */
            category: string;
            /**
             * Description
             * @default
             */
            description: string;
            /** Edges */
            edges?: components["schemas"]["Edge"][];
            /**
             * Format
             * @default resolutionflow.flow/1
             * @constant
             */
            format: "resolutionflow.flow/1";
            /**
             * Kind
             * @default troubleshooting
             * @enum {string}
             */
            kind: "troubleshooting" | "procedural" | "maintenance";
            /** Nodes */
            nodes?: components["schemas"]["Node"][];
            /** Start */
            start?: string | null;
            /** Tags */
            tags?: string[];
            /** Title */
            title: string;
        };
        /**
         * FlowDocumentIn
         * @description The format as a request body: also accepts the editor's revision and a folder.
         */
        FlowDocumentIn: {
            /**
             * Category
             * @default
             */
            category: string;
            /**
             * Description
             * @default
             */
            description: string;
            /** Edges */
            edges?: components["schemas"]["Edge"][];
            /** Folder Id */
            folder_id?: string | null;
            /**
             * Format
             * @default resolutionflow.flow/1
             * @constant
             */
            format: "resolutionflow.flow/1";
            /**
             * Kind
             * @default troubleshooting
             * @enum {string}
             */
            kind: "troubleshooting" | "procedural" | "maintenance";
            /** Nodes */
            nodes?: components["schemas"]["Node"][];
            /**
             * Revision
             * @description Optimistic concurrency
             */
            revision?: number | null;
            /** Start */
            start?: string | null;
            /** Tags */
            tags?: string[];
            /** Title */
            title: string;
        };
        /** FlowMove */
        FlowMove: {
            /** Folder Id */
            folder_id: string | null;
        };
        /** FlowRead */
        FlowRead: {
            /** Archived */
            archived: boolean;
            /** Category */
            category: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Draft */
            draft: {
                [key: string]: unknown;
            };
            /** Draft Revision */
            draft_revision: number;
            /** Draft Updated At */
            draft_updated_at: string | null;
            /** Draft Updated By Name */
            draft_updated_by_name: string | null;
            /** Folder Id */
            folder_id: string | null;
            /** Has Unpublished Changes */
            has_unpublished_changes: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Latest Version */
            latest_version: number | null;
            /** Owner Id */
            owner_id: string | null;
            /** Owner Name */
            owner_name: string | null;
            /** Snippet */
            snippet?: string | null;
            /** Tags */
            tags: string[];
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Use Count */
            use_count: number;
        };
        /** FlowRow */
        FlowRow: {
            /** Abandoned */
            abandoned: number;
            /** Abandonment Rate */
            abandonment_rate: number | null;
            /** Category */
            category: string;
            /** Escalated */
            escalated: number;
            /** Escalation Rate */
            escalation_rate: number | null;
            /**
             * Flow Id
             * Format: uuid
             */
            flow_id: string;
            /** Kind */
            kind: string;
            /** Last Edited */
            last_edited: string | null;
            /** Median Active Seconds */
            median_active_seconds: number | null;
            quality: components["schemas"]["Quality"];
            rating: components["schemas"]["Rating"] | null;
            /** Resolution Rate */
            resolution_rate: number | null;
            /** Resolved */
            resolved: number;
            /** Runs */
            runs: number;
            /** Staleness Days */
            staleness_days: number;
            /** Title */
            title: string;
            /** Version */
            version: number | null;
            /**
             * Workaround
             * @description Of `resolved`: runs resolved with a workaround
             */
            workaround: number;
        };
        /** FlowSummary */
        FlowSummary: {
            /** Archived */
            archived: boolean;
            /** Category */
            category: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Draft Revision */
            draft_revision: number;
            /** Folder Id */
            folder_id: string | null;
            /** Has Unpublished Changes */
            has_unpublished_changes: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Latest Version */
            latest_version: number | null;
            /** Owner Id */
            owner_id: string | null;
            /** Owner Name */
            owner_name: string | null;
            /** Snippet */
            snippet?: string | null;
            /** Tags */
            tags: string[];
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Use Count */
            use_count: number;
        };
        /** FlowTable */
        FlowTable: {
            /** Days */
            days: number;
            filters: components["schemas"]["Filters"];
            formula: components["schemas"]["QualityFormula"];
            /**
             * From
             * Format: date
             * @description First day (UTC), included
             */
            from: string;
            /**
             * Items
             * @description Worst quality first; flows without a score last
             */
            items: components["schemas"]["FlowRow"][];
            /**
             * To
             * Format: date
             * @description Last day (UTC), included
             */
            to: string;
        };
        /** FolderCreate */
        FolderCreate: {
            /** Name */
            name: string;
            /** Parent Id */
            parent_id?: string | null;
        };
        /** FolderRead */
        FolderRead: {
            /** Flow Count */
            flow_count: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Parent Id */
            parent_id: string | null;
        };
        /** FolderUpdate */
        FolderUpdate: {
            /** Name */
            name?: string | null;
            /** Parent Id */
            parent_id?: string | null;
        };
        /** Gap */
        Gap: {
            /** Count */
            count: number;
            /** Engineers */
            engineers: components["schemas"]["GapEngineer"][];
            /** Examples */
            examples: string[];
            /** Key */
            key: string;
            /** Keywords */
            keywords: string[];
            /** Label */
            label: string;
            /**
             * Last Seen
             * Format: date-time
             */
            last_seen: string;
            /** Session Ids */
            session_ids: string[];
            /** Sources */
            sources: {
                [key: string]: number;
            };
            trend: components["schemas"]["GapTrend"];
        };
        /** GapDrafted */
        GapDrafted: {
            /** Draft Version */
            draft_version: number;
            /**
             * Flow Id
             * Format: uuid
             */
            flow_id: string;
            /**
             * Proposal Id
             * Format: uuid
             */
            proposal_id: string;
        };
        /** GapDraftIn */
        GapDraftIn: {
            /** Session Ids */
            session_ids: string[];
            /** Title */
            title?: string | null;
        };
        /** GapEngineer */
        GapEngineer: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
        };
        /** GapPage */
        GapPage: {
            /** Items */
            items: components["schemas"]["Gap"][];
        };
        /** GapTrend */
        GapTrend: {
            /**
             * Direction
             * @enum {string}
             */
            direction: "rising" | "falling" | "steady";
            /** Last 7 Days */
            last_7_days: number;
            /** Previous 7 Days */
            previous_7_days: number;
        };
        /** GeneratedFlow */
        GeneratedFlow: {
            /**
             * Flow Id
             * Format: uuid
             */
            flow_id: string;
            /** Model */
            model: string;
            /** Node Count */
            node_count: number;
            /** Problems */
            problems: components["schemas"]["ProblemOut"][];
            /** Rounds */
            rounds: number;
            /**
             * Source
             * @enum {string}
             */
            source: "model" | "article";
            /** Title */
            title: string;
        };
        /** GenerateIn */
        GenerateIn: {
            /** Description */
            description: string;
            /**
             * Kind
             * @default troubleshooting
             * @enum {string}
             */
            kind: "troubleshooting" | "procedural";
        };
        /**
         * Guess
         * @description A pre-filled field: the PSA's id where it is a choice, and how sure the triage is
         *     (0 to 1). The engineer confirms or changes it.
         */
        Guess: {
            /** Confidence */
            confidence: number;
            /** Id */
            id?: string | null;
            /** Name */
            name?: string | null;
        };
        /** HandoffRead */
        HandoffRead: {
            /** Ai Assessment */
            ai_assessment: {
                [key: string]: unknown;
            } | null;
            /**
             * Assessment Status
             * @enum {string}
             */
            assessment_status: "pending" | "ready" | "failed";
            /** Cause Correct */
            cause_correct: boolean | null;
            /** Claimed At */
            claimed_at: string | null;
            /** Claimed By */
            claimed_by: string | null;
            /** Claimed By Name */
            claimed_by_name: string | null;
            /** Domain */
            domain: string;
            /**
             * Escalated At
             * Format: date-time
             */
            escalated_at: string;
            /** Escalated By Id */
            escalated_by_id: string | null;
            /** Escalated By Name */
            escalated_by_name: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @description `park`: handed on without escalating (a short note in `reason`, no AI assessment; the session is paused until claimed)
             * @default escalation
             * @enum {string}
             */
            kind: "escalation" | "park";
            /** Notified Count */
            notified_count: number;
            /**
             * Priority
             * @enum {string}
             */
            priority: "low" | "medium" | "high" | "urgent";
            /** Problem Summary */
            problem_summary: string;
            /** Reason */
            reason: string;
            /** Recent Steps */
            recent_steps: string[];
            /**
             * Session Id
             * Format: uuid
             */
            session_id: string;
            /** Snapshot */
            snapshot: {
                [key: string]: unknown;
            };
            /**
             * Status
             * @enum {string}
             */
            status: "unclaimed" | "claimed" | "cancelled";
            /** Step Count */
            step_count: number;
            /** Target Name */
            target_name: string | null;
            /** Target Team Id */
            target_team_id: string | null;
            /** Target User Id */
            target_user_id: string | null;
            /** Tried */
            tried: string[];
            you_may_claim: components["schemas"]["ClaimRight"];
        };
        /** HealthFigures */
        HealthFigures: {
            /**
             * Escalations
             * @description Escalations raised in the window
             */
            escalations: number;
            /**
             * Median Active Seconds
             * @description Median active time of the resolved ones; null: none resolved
             */
            median_active_seconds: number | null;
            /**
             * Resolution Rate
             * @description resolved / sessions; null: no sessions
             */
            resolution_rate: number | null;
            /**
             * Resolved
             * @description Of those sessions, how many are resolved now
             */
            resolved: number;
            /** Sessions */
            sessions: number;
        };
        /** HealthRow */
        HealthRow: {
            last_week: components["schemas"]["HealthFigures"];
            /** Name */
            name: string;
            /**
             * Scope
             * @enum {string}
             */
            scope: "account" | "team";
            /** Team Id */
            team_id: string | null;
            this_week: components["schemas"]["HealthFigures"];
        };
        /** HomeBatch */
        HomeBatch: {
            /**
             * Assigned To You
             * @description Your targets still to do (pending, in progress)
             */
            assigned_to_you: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Flow Title */
            flow_title: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Open In Pool
             * @description Unclaimed targets your team's pool still has
             */
            open_in_pool: number;
            /** Slot At */
            slot_at: string | null;
            /** Title */
            title: string;
            /**
             * Total
             * @description Every target of the batch
             */
            total: number;
        };
        /** HomeFlag */
        HomeFlag: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** May Close */
            may_close: boolean;
            /** Reason */
            reason: string;
            /** Reporter Name */
            reporter_name: string | null;
            /**
             * Step Id
             * Format: uuid
             */
            step_id: string;
            /** Step Title */
            step_title: string;
        };
        /** HomeFlags */
        HomeFlags: {
            /** Items */
            items: components["schemas"]["HomeFlag"][];
            /** Total */
            total: number;
        };
        /** HomeFlow */
        HomeFlow: {
            /** Category */
            category: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /**
             * Published At
             * Format: date-time
             */
            published_at: string;
            /** Title */
            title: string;
            /** Version */
            version: number;
        };
        /**
         * HomeFlows
         * @description The account's most recently published flows.
         */
        HomeFlows: {
            /** Items */
            items: components["schemas"]["HomeFlow"][];
            /** Total */
            total: number;
        };
        /** HomeHandoff */
        HomeHandoff: {
            /**
             * Escalated At
             * Format: date-time
             */
            escalated_at: string;
            /** Escalated By Name */
            escalated_by_name: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @description `park`: parked with you (or your team), not escalated
             * @default escalation
             * @enum {string}
             */
            kind: "escalation" | "park";
            /**
             * Priority
             * @enum {string}
             */
            priority: "low" | "medium" | "high" | "urgent";
            /** Problem Summary */
            problem_summary: string;
            /**
             * Reason
             * @description Redacted, as on the handoff
             */
            reason: string;
            /**
             * Session Id
             * Format: uuid
             */
            session_id: string;
            /**
             * Target Name
             * @description The person or team it is for; null: anyone
             */
            target_name: string | null;
            you_may_claim: components["schemas"]["ClaimRight"];
        };
        /**
         * HomeHandoffs
         * @description Unclaimed handoffs meant for you: escalated to you, to one of your teams, or to no one
         *     in particular (the `target=me` rule of `GET /handoffs`), except those you escalated.
         */
        HomeHandoffs: {
            /**
             * Account Waiting
             * @description Team admins: every unclaimed handoff of the account, whoever it is for
             */
            account_waiting: number | null;
            /** Items */
            items: components["schemas"]["HomeHandoff"][];
            /** Total */
            total: number;
        };
        /** HomeJob */
        HomeJob: {
            /** Attempts */
            attempts: number;
            /** Description */
            description: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Last Error */
            last_error: string;
            /** Max Attempts */
            max_attempts: number;
            state: components["schemas"]["JobState"];
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * HomeJobs
         * @description Background jobs failed (retrying) or dead (out of attempts), as the Jobs page's "Needs
         *     attention" lists them: the account's, or every account's for the super admin.
         */
        HomeJobs: {
            /** Items */
            items: components["schemas"]["HomeJob"][];
            /** Total */
            total: number;
        };
        /**
         * HomeMaintenance
         * @description Running batches with work for you (your targets, or your team's pool) and the next slots
         *     of the schedules assigned to you or your teams.
         */
        HomeMaintenance: {
            /** Batches */
            batches: components["schemas"]["HomeBatch"][];
            /** Batches Total */
            batches_total: number;
            /** Upcoming */
            upcoming: components["schemas"]["HomeSlot"][];
            /** Upcoming Days */
            upcoming_days: number;
            /** Upcoming Total */
            upcoming_total: number;
        };
        /** HomeProposal */
        HomeProposal: {
            /** Can Review */
            can_review: boolean;
            /** Confidence */
            confidence: number;
            /** Evidence Count */
            evidence_count: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "new_flow" | "enhancement" | "branch_addition";
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** HomeProposals */
        HomeProposals: {
            /** Items */
            items: components["schemas"]["HomeProposal"][];
            /** Total */
            total: number;
        };
        /** HomePush */
        HomePush: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Error */
            last_error: string;
            /** Provider */
            provider: string;
            /**
             * Session Id
             * Format: uuid
             */
            session_id: string;
            /** Session Title */
            session_title: string | null;
            /** Ticket Id */
            ticket_id: string;
        };
        /**
         * HomePushes
         * @description PSA pushes that failed for good (the newest first); each can be retried.
         */
        HomePushes: {
            /** Items */
            items: components["schemas"]["HomePush"][];
            /** Total */
            total: number;
        };
        /**
         * HomeRead
         * @description Sections by role (`null` when the role does not get it): engineers and up get
         *     `sessions`, `handoffs`, `maintenance` and `my_week`; team admins and up also `team_health`,
         *     `proposals`, `step_flags`, `failed_pushes` and `failed_jobs`; viewers get `flows`.
         */
        HomeRead: {
            failed_jobs?: components["schemas"]["HomeJobs"] | null;
            failed_pushes?: components["schemas"]["HomePushes"] | null;
            flows?: components["schemas"]["HomeFlows"] | null;
            /**
             * Generated At
             * Format: date-time
             */
            generated_at: string;
            handoffs?: components["schemas"]["HomeHandoffs"] | null;
            maintenance?: components["schemas"]["HomeMaintenance"] | null;
            my_week?: components["schemas"]["MyWeek"] | null;
            proposals?: components["schemas"]["HomeProposals"] | null;
            role: components["schemas"]["Role"];
            sessions?: components["schemas"]["HomeSessions"] | null;
            step_flags?: components["schemas"]["HomeFlags"] | null;
            team_health?: components["schemas"]["TeamHealth"] | null;
        };
        /** HomeSession */
        HomeSession: {
            /** Active Seconds */
            active_seconds: number;
            /** Flow Id */
            flow_id: string | null;
            /** Flow Title */
            flow_title: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "paused";
            /** Ticket Id */
            ticket_id: string | null;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * HomeSessions
         * @description Your active and paused sessions, the most recently touched first. Sessions of a
         *     maintenance batch are left out: they are worked from their batch (see `maintenance`).
         */
        HomeSessions: {
            /** Items */
            items: components["schemas"]["HomeSession"][];
            /** Total */
            total: number;
        };
        /** HomeSlot */
        HomeSlot: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * Schedule Id
             * Format: uuid
             */
            schedule_id: string;
            /** Title */
            title: string;
        };
        /** Hypothesis */
        Hypothesis: {
            /** Id */
            id: string;
            /** Title */
            title: string;
            /**
             * Why
             * @default
             */
            why: string;
        };
        /** ImportedLibrary */
        ImportedLibrary: {
            /** Imported */
            imported: components["schemas"]["FlowSummary"][];
        };
        /**
         * InferredAnswer
         * @description Why a question was answered from the intake instead of being asked.
         */
        InferredAnswer: {
            /**
             * Confidence
             * @description Share of the question's key terms that sentence says
             */
            confidence: number;
            /**
             * Evidence
             * @description The intake's sentence that answers the question
             */
            evidence: string;
            /**
             * Via
             * @description The later question the sentence answers, when this answer is implied by the branch that leads to it rather than said (null when said)
             */
            via?: string | null;
        };
        /**
         * InstallationDefaults
         * @description All an account learns of the installation's own model settings: whether there is a
         *     model the administrator provides (never its URL, provider, models or key).
         */
        InstallationDefaults: {
            /** Description */
            description: string;
            /** Provided */
            provided: boolean;
        };
        /**
         * IntakeFile
         * @description A screenshot or a log given with the intake (base64): kept as a session attachment.
         */
        IntakeFile: {
            /** Data Base64 */
            data_base64: string;
            /** Filename */
            filename: string;
        };
        /** InviteAccept */
        InviteAccept: {
            /** Name */
            name?: string | null;
            /** Password */
            password: string;
        };
        /** InviteIssued */
        InviteIssued: {
            /** Emailed */
            emailed: boolean;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Invite Url */
            invite_url?: string | null;
        };
        /** InvitePreview */
        InvitePreview: {
            /** Account Name */
            account_name: string;
            /** Email */
            email: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /** Name */
            name: string;
            /** Role */
            role: string;
        };
        /** InviteRead */
        InviteRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Invited By Name */
            invited_by_name: string | null;
            /** Name */
            name: string;
            role: components["schemas"]["Role"];
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "accepted" | "expired" | "revoked";
        };
        /** ItemReasonIn */
        ItemReasonIn: {
            /** Reason */
            reason: string;
        };
        /** JobPage */
        JobPage: {
            /** Items */
            items: components["schemas"]["JobRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** JobRead */
        JobRead: {
            /**
             * Account Id
             * Format: uuid
             */
            account_id: string;
            /** Attempts */
            attempts: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Description
             * @description Which one: the recipient, the handoff, the schedule.
             */
            description: string;
            /** Finished At */
            finished_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Last Error */
            last_error: string;
            /** Max Attempts */
            max_attempts: number;
            /**
             * Run At
             * Format: date-time
             * @description When it runs (again), while queued or failed.
             */
            run_at: string;
            state: components["schemas"]["JobState"];
            /**
             * Title
             * @description What the job does, for people (e.g. 'Email').
             */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * JobState
         * @enum {string}
         */
        JobState: "queued" | "running" | "failed" | "dead" | "succeeded";
        /** KnowledgeDocumentDetail */
        KnowledgeDocumentDetail: {
            /** Char Count */
            char_count: number;
            /** Chunk Count */
            chunk_count: number;
            /** Chunks */
            chunks: components["schemas"]["ChunkRead"][];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Error */
            error: string | null;
            /** Filename */
            filename: string;
            /** Format */
            format: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Indexed At */
            indexed_at: string | null;
            /** Size */
            size: number;
            /** Status */
            status: string;
            /** Title */
            title: string;
            /** Uploaded By Name */
            uploaded_by_name: string | null;
        };
        /** KnowledgeDocumentRead */
        KnowledgeDocumentRead: {
            /** Char Count */
            char_count: number;
            /** Chunk Count */
            chunk_count: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Error */
            error: string | null;
            /** Filename */
            filename: string;
            /** Format */
            format: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Indexed At */
            indexed_at: string | null;
            /** Size */
            size: number;
            /** Status */
            status: string;
            /** Title */
            title: string;
            /** Uploaded By Name */
            uploaded_by_name: string | null;
        };
        /** LinkTicketIn */
        LinkTicketIn: {
            /** Ticket Id */
            ticket_id: string;
        };
        /** LintFinding */
        LintFinding: {
            /** Line */
            line: number | null;
            /** Message */
            message: string;
        };
        /** LoginRequest */
        LoginRequest: {
            /**
             * Email
             * Format: email
             */
            email: string;
            /** Password */
            password: string;
        };
        /** MaintenanceAgenda */
        MaintenanceAgenda: {
            /** Items */
            items: components["schemas"]["MaintenanceAgendaEntry"][];
        };
        /** MaintenanceAgendaEntry */
        MaintenanceAgendaEntry: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * Schedule Id
             * Format: uuid
             */
            schedule_id: string;
            /** Title */
            title: string;
        };
        /** MaintenanceLastBatch */
        MaintenanceLastBatch: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Status
             * @enum {string}
             */
            status: "running" | "completed" | "cancelled";
        };
        /** MaintenanceScheduleCreate */
        MaintenanceScheduleCreate: {
            /**
             * Active
             * @default true
             */
            active: boolean;
            /** Assignee User Id */
            assignee_user_id?: string | null;
            /** Assignment */
            assignment?: ("user" | "pool" | "round_robin") | null;
            /** Client Tickets */
            client_tickets?: {
                [key: string]: string;
            };
            /** Cron */
            cron: string;
            /**
             * Flow Id
             * Format: uuid
             */
            flow_id: string;
            /**
             * Missed
             * @description A slot missed while nothing ran: run it once, or skip
             * @default run_once
             * @enum {string}
             */
            missed: "run_once" | "skip";
            /**
             * Overdue
             * @description A slot that comes while the previous batch is unfinished: start anyway, or skip it (both notify the assignees)
             * @default start
             * @enum {string}
             */
            overdue: "start" | "skip";
            /**
             * Target List Id
             * Format: uuid
             */
            target_list_id: string;
            /** Team Id */
            team_id?: string | null;
            /** Timezone */
            timezone: string;
            /** Title */
            title?: string | null;
        };
        /** MaintenanceScheduleList */
        MaintenanceScheduleList: {
            /** Items */
            items: components["schemas"]["MaintenanceScheduleRead"][];
        };
        /** MaintenanceScheduleRead */
        MaintenanceScheduleRead: {
            /** Active */
            active: boolean;
            /** Assignee User Id */
            assignee_user_id: string | null;
            /**
             * Assignment
             * @enum {string}
             */
            assignment: "user" | "pool" | "round_robin";
            /** Client Tickets */
            client_tickets: {
                [key: string]: string;
            };
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Cron */
            cron: string;
            /**
             * Flow Id
             * Format: uuid
             */
            flow_id: string;
            /** Flow Title */
            flow_title: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Is Overdue
             * @description The last batch is unfinished and a later slot has already come
             */
            is_overdue: boolean;
            last_batch: components["schemas"]["MaintenanceLastBatch"] | null;
            /** Last Slot At */
            last_slot_at: string | null;
            /**
             * Missed
             * @enum {string}
             */
            missed: "run_once" | "skip";
            /**
             * Next Runs
             * @description The next five slots (UTC)
             */
            next_runs: string[];
            /**
             * Overdue
             * @enum {string}
             */
            overdue: "start" | "skip";
            /**
             * Target List Id
             * Format: uuid
             */
            target_list_id: string;
            /** Target List Name */
            target_list_name: string;
            /** Team Id */
            team_id: string | null;
            /** Timezone */
            timezone: string;
            /** Title */
            title: string;
        };
        /** MaintenanceScheduleUpdate */
        MaintenanceScheduleUpdate: {
            /**
             * Active
             * @description false pauses, true resumes
             */
            active?: boolean | null;
            /** Assignee User Id */
            assignee_user_id?: string | null;
            /** Assignment */
            assignment?: ("user" | "pool" | "round_robin") | null;
            /** Client Tickets */
            client_tickets?: {
                [key: string]: string;
            } | null;
            /** Cron */
            cron?: string | null;
            /** Flow Id */
            flow_id?: string | null;
            /** Missed */
            missed?: ("run_once" | "skip") | null;
            /** Overdue */
            overdue?: ("start" | "skip") | null;
            /** Target List Id */
            target_list_id?: string | null;
            /** Team Id */
            team_id?: string | null;
            /** Timezone */
            timezone?: string | null;
            /** Title */
            title?: string | null;
        };
        /** MarkRead */
        MarkRead: {
            /** Ids */
            ids?: string[] | null;
        };
        /** MarkUnresolvedIn */
        MarkUnresolvedIn: {
            /** Follow Ups */
            follow_ups?: string[];
            /** Summary */
            summary: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "mark_unresolved";
        };
        /** MatchedFlow */
        MatchedFlow: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Score */
            score: number;
            /** Title */
            title: string;
        };
        /** MemberLinkIn */
        MemberLinkIn: {
            /** Member Id */
            member_id: string | null;
        };
        /** MemberLinkRead */
        MemberLinkRead: {
            /** Member Id */
            member_id: string | null;
            /** Member Identifier */
            member_identifier: string | null;
            /** Member Name */
            member_name: string | null;
            /** Source */
            source: ("auto" | "manual") | null;
            /** User Email */
            user_email: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** User Name */
            user_name: string;
        };
        /** MemberRead */
        MemberRead: {
            /** Email */
            email: string | null;
            /** Id */
            id: string;
            /** Identifier */
            identifier: string;
            /** Name */
            name: string;
        };
        /** MembersRead */
        MembersRead: {
            /** Links */
            links: components["schemas"]["MemberLinkRead"][];
            /** Members */
            members: components["schemas"]["MemberRead"][];
            /** Unmapped */
            unmapped: number;
        };
        /** MeRead */
        MeRead: {
            /**
             * Account Id
             * Format: uuid
             */
            account_id: string;
            /** Account Name */
            account_name: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Is Active */
            is_active: boolean;
            /** Last Login At */
            last_login_at: string | null;
            /** Name */
            name: string;
            role: components["schemas"]["Role"];
            /** Teams */
            teams: components["schemas"]["TeamRef"][];
        };
        /** MessageIn */
        MessageIn: {
            /** Attachments */
            attachments?: components["schemas"]["AttachmentIn"][];
            /** Content */
            content: string;
        };
        /** MessageRead */
        MessageRead: {
            /** Content */
            content: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Payload */
            payload: {
                [key: string]: unknown;
            };
            /**
             * Role
             * @enum {string}
             */
            role: "user" | "assistant";
            /** Seq */
            seq: number;
        };
        /** MeUpdate */
        MeUpdate: {
            /** Name */
            name: string;
        };
        /**
         * Misfire
         * @description What a schedule does with slots missed while nothing was running.
         * @enum {string}
         */
        Misfire: "run_once" | "skip";
        /** ModelImageRead */
        ModelImageRead: {
            /**
             * Attachment Id
             * Format: uuid
             */
            attachment_id: string;
            /** Content Type */
            content_type: string;
            /** Filename */
            filename: string;
            reason?: components["schemas"]["NotSent"] | null;
            /** Reason Text */
            reason_text?: string | null;
            /** Size */
            size: number;
            /** Url */
            url: string;
            /** Will Send */
            will_send: boolean;
        };
        /** ModelImagesRead */
        ModelImagesRead: {
            /** Accepts Images */
            accepts_images: boolean;
            /** Items */
            items: components["schemas"]["ModelImageRead"][];
            /** Max Image Bytes */
            max_image_bytes: number;
            /** Max Images */
            max_images: number;
            /** Model */
            model: string;
            /** Notice */
            notice: string;
            /** Provider */
            provider: string;
        };
        /**
         * MyWeek
         * @description Sessions you own that started in the last 7 days.
         */
        MyWeek: {
            /**
             * Median Active Seconds
             * @description Median active time of the resolved ones; null: none resolved
             */
            median_active_seconds: number | null;
            /**
             * Resolution Rate
             * @description resolved / sessions; null: no sessions
             */
            resolution_rate: number | null;
            /**
             * Resolved
             * @description Of those sessions, how many are resolved now
             */
            resolved: number;
            /** Sessions */
            sessions: number;
            /**
             * Since
             * Format: date-time
             */
            since: string;
        };
        /** Node */
        Node: {
            /**
             * Body
             * @default
             */
            body: string;
            /** Flow Id */
            flow_id?: string | null;
            /** Id */
            id: string;
            /** Input Type */
            input_type?: ("text" | "secret") | null;
            /** Items */
            items?: string[] | null;
            /** Outcome */
            outcome?: ("resolved" | "unresolved" | "escalate") | null;
            position?: components["schemas"]["Position"] | null;
            /** Script Id */
            script_id?: string | null;
            /** Step Id */
            step_id?: string | null;
            /** Step Revision */
            step_revision?: number | null;
            /**
             * Title
             * @default
             */
            title: string;
            /**
             * Type
             * @enum {string}
             */
            type: "question" | "action" | "checklist" | "input" | "resolution" | "subflow";
            /** Variable */
            variable?: string | null;
        };
        /** NodeChanges */
        NodeChanges: {
            /**
             * Added
             * @default []
             */
            added: string[];
            /**
             * Changed
             * @default []
             */
            changed: string[];
            /**
             * Removed
             * @default []
             */
            removed: string[];
        };
        /** NodeFigures */
        NodeFigures: {
            /**
             * Answered
             * @description Times the step was answered
             */
            answered: number;
            /**
             * Dropped
             * @description Runs whose last step in this flow was this one and that did not resolve
             */
            dropped: number;
            /**
             * In Graph
             * @description False: a node of an older version only
             */
            in_graph: boolean;
            /**
             * Median Seconds
             * @description Median active time from showing to answering the step
             */
            median_seconds: number | null;
            /** Node Id */
            node_id: string;
            rating: components["schemas"]["Rating"] | null;
            /**
             * Reached
             * @description Runs that were shown this step at least once
             */
            reached: number;
            /**
             * Still Open
             * @description Of `dropped`: runs still active or paused here
             */
            still_open: number;
            /** Title */
            title: string;
            /** Type */
            type: string | null;
        };
        /** NoteIn */
        NoteIn: {
            /** Text */
            text: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "note";
        };
        /** NoteTemplate */
        NoteTemplate: {
            /**
             * Footer
             * @default
             */
            footer: string;
            /**
             * Header
             * @default
             */
            header: string;
            /** Sections */
            sections: components["schemas"]["SectionSetting"][];
        };
        /** NoteTemplateRead */
        NoteTemplateRead: {
            /**
             * Footer
             * @default
             */
            footer: string;
            /**
             * Header
             * @default
             */
            header: string;
            /** Sections */
            sections: components["schemas"]["SectionSetting"][];
        };
        /** NotificationPage */
        NotificationPage: {
            /** Items */
            items: components["schemas"]["NotificationRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
            /** Unread */
            unread: number;
        };
        /** NotificationRead */
        NotificationRead: {
            /** Body */
            body: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Handoff Id */
            handoff_id: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Link */
            link: string;
            /** Read At */
            read_at: string | null;
            /** Title */
            title: string;
        };
        /**
         * NotSent
         * @enum {string}
         */
        NotSent: "offline" | "text_only_model" | "too_large" | "over_limit" | "already_sent" | "unreadable";
        /** OptionsRead */
        OptionsRead: {
            /** Boards */
            boards: components["schemas"]["ChoiceRead"][];
            /** Companies */
            companies: components["schemas"]["CompanyRead"][];
            /** Contacts */
            contacts: components["schemas"]["ContactRead"][];
            /** Priorities */
            priorities: components["schemas"]["ChoiceRead"][];
            /** Provider */
            provider: string;
            /** Provider Label */
            provider_label: string;
            /** Statuses */
            statuses: components["schemas"]["ChoiceRead"][];
            /** Types */
            types: components["schemas"]["ChoiceRead"][];
        };
        /**
         * OutcomeCounts
         * @description Where the period's sessions stand now; the six add up to `sessions`. `resolved` here is
         *     resolved *without* a workaround: the headline `resolved` is `resolved + workaround`.
         */
        OutcomeCounts: {
            /** Abandoned */
            abandoned: number;
            /**
             * Escalated
             * @description Escalated and waiting for a senior to pick it up
             */
            escalated: number;
            /**
             * Open
             * @description Active or paused
             */
            open: number;
            /**
             * Resolved
             * @description Resolved, the cause fixed (not a workaround)
             */
            resolved: number;
            /** Unresolved */
            unresolved: number;
            /**
             * Workaround
             * @description Resolved with a workaround: the cause is still there
             */
            workaround: number;
        };
        /** OutcomeIn */
        OutcomeIn: {
            /** Cause Correct */
            cause_correct: boolean;
        };
        /** Overview */
        Overview: {
            /** Abandoned */
            abandoned: number;
            /** Abandonment Rate */
            abandonment_rate: number | null;
            by_outcome: components["schemas"]["OutcomeCounts"];
            copilot_use: components["schemas"]["CopilotUse"];
            /** Days */
            days: number;
            /**
             * Escalated
             * @description Sessions escalated at least once
             */
            escalated: number;
            /** Escalation Rate */
            escalation_rate: number | null;
            filters: components["schemas"]["Filters"];
            /** First Contact Resolution Rate */
            first_contact_resolution_rate: number | null;
            /**
             * First Contact Resolved
             * @description Resolved and never escalated
             */
            first_contact_resolved: number;
            /**
             * From
             * Format: date
             * @description First day (UTC), included
             */
            from: string;
            /**
             * Mttr Mean Seconds
             * @description Mean active time of resolved sessions
             */
            mttr_mean_seconds: number | null;
            /**
             * Mttr Seconds
             * @description Median active time of resolved sessions
             */
            mttr_seconds: number | null;
            pilot: components["schemas"]["PilotFigures"];
            previous: components["schemas"]["PreviousPeriod"];
            psa_pushes: components["schemas"]["PsaFunnel"];
            /** Resolution Rate */
            resolution_rate: number | null;
            /** Resolved */
            resolved: number;
            /**
             * Series
             * @description One row per day of the range, oldest first
             */
            series: components["schemas"]["SeriesDay"][];
            /** Sessions */
            sessions: number;
            /**
             * To
             * Format: date
             * @description Last day (UTC), included
             */
            to: string;
            /** Unresolved */
            unresolved: number;
            /** Unresolved Rate */
            unresolved_rate: number | null;
            /**
             * Workaround Rate
             * @description Sessions resolved with a workaround, as a share of `sessions` (they count in `resolved` too: a workaround is a resolved session whose outcome is `workaround`; `by_outcome` splits them out)
             */
            workaround_rate?: number | null;
        };
        /** Page[AccountRead] */
        Page_AccountRead_: {
            /** Items */
            items: components["schemas"]["AccountRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[ApiTokenRead] */
        Page_ApiTokenRead_: {
            /** Items */
            items: components["schemas"]["ApiTokenRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[AuditEventRead] */
        Page_AuditEventRead_: {
            /** Items */
            items: components["schemas"]["AuditEventRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[ConversationSummary] */
        Page_ConversationSummary_: {
            /** Items */
            items: components["schemas"]["ConversationSummary"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[FlowSummary] */
        Page_FlowSummary_: {
            /** Items */
            items: components["schemas"]["FlowSummary"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[FolderRead] */
        Page_FolderRead_: {
            /** Items */
            items: components["schemas"]["FolderRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[HandoffRead] */
        Page_HandoffRead_: {
            /** Items */
            items: components["schemas"]["HandoffRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[InviteRead] */
        Page_InviteRead_: {
            /** Items */
            items: components["schemas"]["InviteRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[KnowledgeDocumentRead] */
        Page_KnowledgeDocumentRead_: {
            /** Items */
            items: components["schemas"]["KnowledgeDocumentRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[PushRead] */
        Page_PushRead_: {
            /** Items */
            items: components["schemas"]["PushRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[SessionRow] */
        Page_SessionRow_: {
            /** Items */
            items: components["schemas"]["SessionRow"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[SessionSummary] */
        Page_SessionSummary_: {
            /** Items */
            items: components["schemas"]["SessionSummary"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[ShareRead] */
        Page_ShareRead_: {
            /** Items */
            items: components["schemas"]["ShareRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[SignInRead] */
        Page_SignInRead_: {
            /** Items */
            items: components["schemas"]["SignInRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[TeamRead] */
        Page_TeamRead_: {
            /** Items */
            items: components["schemas"]["TeamRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[UserRead] */
        Page_UserRead_: {
            /** Items */
            items: components["schemas"]["UserRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[VersionSummary] */
        Page_VersionSummary_: {
            /** Items */
            items: components["schemas"]["VersionSummary"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** ParkedRead */
        ParkedRead: {
            /** Ai Assessment */
            ai_assessment: {
                [key: string]: unknown;
            } | null;
            /**
             * Assessment Status
             * @enum {string}
             */
            assessment_status: "pending" | "ready" | "failed";
            /** Cause Correct */
            cause_correct: boolean | null;
            /** Claimed At */
            claimed_at: string | null;
            /** Claimed By */
            claimed_by: string | null;
            /** Claimed By Name */
            claimed_by_name: string | null;
            /** Domain */
            domain: string;
            /**
             * Escalated At
             * Format: date-time
             */
            escalated_at: string;
            /** Escalated By Id */
            escalated_by_id: string | null;
            /** Escalated By Name */
            escalated_by_name: string | null;
            /**
             * Handoff Id
             * Format: uuid
             */
            handoff_id: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @description `park`: handed on without escalating (a short note in `reason`, no AI assessment; the session is paused until claimed)
             * @default escalation
             * @enum {string}
             */
            kind: "escalation" | "park";
            /** Notified Count */
            notified_count: number;
            /**
             * Priority
             * @enum {string}
             */
            priority: "low" | "medium" | "high" | "urgent";
            /** Problem Summary */
            problem_summary: string;
            /** Reason */
            reason: string;
            /** Recent Steps */
            recent_steps: string[];
            /**
             * Session Id
             * Format: uuid
             */
            session_id: string;
            /** Snapshot */
            snapshot: {
                [key: string]: unknown;
            };
            /**
             * Status
             * @enum {string}
             */
            status: "unclaimed" | "claimed" | "cancelled";
            /** Step Count */
            step_count: number;
            /** Target Name */
            target_name: string | null;
            /** Target Team Id */
            target_team_id: string | null;
            /** Target User Id */
            target_user_id: string | null;
            /** Tried */
            tried: string[];
            you_may_claim: components["schemas"]["ClaimRight"];
        };
        /**
         * ParkIn
         * @description Hand the session to a person or a team without escalating (end of shift): exactly one
         *     target, and a short note for them.
         */
        ParkIn: {
            /** Note */
            note: string;
            /** Target Team Id */
            target_team_id?: string | null;
            /** Target User Id */
            target_user_id?: string | null;
        };
        /** PasswordChange */
        PasswordChange: {
            /** Current Password */
            current_password: string;
            /** New Password */
            new_password: string;
        };
        /** PauseIn */
        PauseIn: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "pause";
        };
        /**
         * PilotFigures
         * @description FlowPilot sessions: their confidence tier (the latest), and the flow it proposed.
         */
        PilotFigures: {
            /** Accepted */
            accepted: number;
            /**
             * Accepted Rate
             * @description accepted / proposed
             */
            accepted_rate: number | null;
            /** Declined */
            declined: number;
            /**
             * Proposed
             * @description FlowPilot sessions where FlowPilot proposed a flow
             */
            proposed: number;
            /** Sessions */
            sessions: number;
            tiers: components["schemas"]["TierCounts"];
        };
        /**
         * PilotIntake
         * @description What FlowPilot starts from: free text (a ticket, a pasted log, a description), and
         *     screenshots or log files.
         */
        PilotIntake: {
            /** Files */
            files?: components["schemas"]["IntakeFile"][];
            /** Text */
            text: string;
            /** Ticket Id */
            ticket_id?: string | null;
        };
        /** PilotState */
        PilotState: {
            /** Confidence */
            confidence: number;
            /** Facts */
            facts: components["schemas"]["FactRead"][];
            /** Fixes */
            fixes: components["schemas"]["FixRead"][];
            /** Flow Decision */
            flow_decision: ("proposed" | "accepted" | "declined") | null;
            /** Intake */
            intake: {
                [key: string]: unknown;
            };
            matched_flow: components["schemas"]["MatchedFlow"] | null;
            /** Model */
            model: string;
            /** Note */
            note?: string | null;
            pilot_step: components["schemas"]["PilotStepRead"] | null;
            /**
             * Session Id
             * Format: uuid
             */
            session_id: string;
            /** Steps */
            steps: components["schemas"]["PilotStepRead"][];
            /**
             * Tier
             * @enum {string}
             */
            tier: "discovery" | "exploring" | "guided";
            triage: components["schemas"]["Triage"];
            /** Triage Edited */
            triage_edited: string[];
        };
        /** PilotStepRead */
        PilotStepRead: {
            /**
             * Allow Text
             * @default false
             */
            allow_text: boolean;
            /** Answer */
            answer?: {
                [key: string]: unknown;
            } | null;
            /** Command */
            command?: string | null;
            /** Confidence */
            confidence: number;
            /** Expected */
            expected?: string | null;
            fix?: components["schemas"]["FixDraft"] | null;
            /**
             * Follow Ups
             * @default []
             */
            follow_ups: string[];
            /**
             * Hypotheses
             * @default []
             */
            hypotheses: components["schemas"]["Hypothesis"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** @description Set when FlowPilot answered this flow question from the intake (skipped it); the step's answer is that inferred answer. POST …/revisit goes back to it */
            inferred?: components["schemas"]["InferredAnswer"] | null;
            /** Instructions */
            instructions?: string | null;
            /** Kind */
            kind?: ("instruction" | "script" | "verification" | "info_request") | null;
            /**
             * Options
             * @default []
             */
            options: string[];
            /** Ordinal */
            ordinal: number;
            /** Purpose */
            purpose?: string | null;
            /** Source */
            source: string;
            source_ref?: components["schemas"]["SourceRef"] | null;
            /** Status */
            status: string;
            /**
             * Step Id
             * @description The step-library step this suggestion comes from (/steps/{id}), if any
             */
            step_id?: string | null;
            /** Summary */
            summary?: string | null;
            /** Text */
            text?: string | null;
            /** Title */
            title?: string | null;
            /**
             * Type
             * @enum {string}
             */
            type: "question" | "action" | "resolution_suggestion" | "fork";
        };
        /** Position */
        Position: {
            /** X */
            x: number;
            /** Y */
            y: number;
        };
        /** PreviewRequest */
        PreviewRequest: {
            /** Text */
            text: string;
        };
        /** PreviewResponse */
        PreviewResponse: {
            /** Findings */
            findings: components["schemas"]["FindingRead"][];
            /** Redacted */
            redacted: string;
        };
        /**
         * PreviousPeriod
         * @description The same headline figures for the period of equal length just before.
         */
        PreviousPeriod: {
            /** Abandoned */
            abandoned: number;
            /** Abandonment Rate */
            abandonment_rate: number | null;
            /** Days */
            days: number;
            /**
             * Escalated
             * @description Sessions escalated at least once
             */
            escalated: number;
            /** Escalation Rate */
            escalation_rate: number | null;
            /** First Contact Resolution Rate */
            first_contact_resolution_rate: number | null;
            /**
             * First Contact Resolved
             * @description Resolved and never escalated
             */
            first_contact_resolved: number;
            /**
             * From
             * Format: date
             * @description First day (UTC), included
             */
            from: string;
            /**
             * Mttr Mean Seconds
             * @description Mean active time of resolved sessions
             */
            mttr_mean_seconds: number | null;
            /**
             * Mttr Seconds
             * @description Median active time of resolved sessions
             */
            mttr_seconds: number | null;
            /** Resolution Rate */
            resolution_rate: number | null;
            /** Resolved */
            resolved: number;
            /** Sessions */
            sessions: number;
            /**
             * To
             * Format: date
             * @description Last day (UTC), included
             */
            to: string;
            /** Unresolved */
            unresolved: number;
            /** Unresolved Rate */
            unresolved_rate: number | null;
            /**
             * Workaround Rate
             * @description Sessions resolved with a workaround, as a share of `sessions` (they count in `resolved` too: a workaround is a resolved session whose outcome is `workaround`; `by_outcome` splits them out)
             */
            workaround_rate?: number | null;
        };
        /** Problem */
        Problem: {
            /** Code */
            code: string;
            edge?: components["schemas"]["EdgeRef"] | null;
            /** Message */
            message: string;
            /** Node Id */
            node_id?: string | null;
            /**
             * Severity
             * @default error
             * @enum {string}
             */
            severity: "error" | "warning";
        };
        /**
         * ProblemDetails
         * @description An RFC 9457 problem: what went wrong, for people (`detail`) and programs (`type`, `status`); `errors` lists field problems (`loc`, `msg`, `type`).
         */
        ProblemDetails: {
            detail: string;
            errors?: Record<string, never>[];
            request_id?: string;
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
        /** ProblemOut */
        ProblemOut: {
            /** Code */
            code: string;
            /** Message */
            message: string;
            /** Node Id */
            node_id?: string | null;
        };
        /** ProposalCounts */
        ProposalCounts: {
            /**
             * Approved
             * @default 0
             */
            approved: number;
            /**
             * Dismissed
             * @default 0
             */
            dismissed: number;
            /**
             * Open
             * @default 0
             */
            open: number;
            /**
             * Rejected
             * @default 0
             */
            rejected: number;
            /**
             * Step Flags
             * @default 0
             */
            step_flags: number;
        };
        /** ProposalPage */
        ProposalPage: {
            /** Items */
            items: components["schemas"]["ProposalRead"][];
            /** Step Flags */
            step_flags?: components["schemas"]["FlagRead"][];
        };
        /** ProposalRead */
        ProposalRead: {
            /** Can Review */
            can_review: boolean;
            /** Comments */
            comments?: components["schemas"]["CommentRead"][];
            /** Confidence */
            confidence: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Draft */
            draft?: {
                [key: string]: unknown;
            } | null;
            /** Evidence */
            evidence: components["schemas"]["Evidence"][];
            /** Evidence Count */
            evidence_count: number;
            /** First Seen At */
            first_seen_at: string | null;
            /** Flow Id */
            flow_id?: string | null;
            /** Flow Version */
            flow_version?: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "new_flow" | "enhancement" | "branch_addition";
            /** Last Seen At */
            last_seen_at: string | null;
            /** Rationale */
            rationale: string;
            /** Reinforced At */
            reinforced_at: string | null;
            /** Reinforced Count */
            reinforced_count: number;
            /** Reject Reason */
            reject_reason?: string | null;
            /** Result Flow Id */
            result_flow_id?: string | null;
            /** Reviewed At */
            reviewed_at?: string | null;
            /** Source */
            source: string;
            /** Span Days */
            span_days: number;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "approved" | "dismissed" | "rejected";
            /** Team Id */
            team_id: string | null;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Worded By */
            worded_by: string;
        };
        /** ProviderRead */
        ProviderRead: {
            /** Fields */
            fields: components["schemas"]["FieldRead"][];
            /** Label */
            label: string;
            /**
             * Name
             * @enum {string}
             */
            name: "connectwise" | "autotask" | "halopsa";
            /** Supports Discovery */
            supports_discovery: boolean;
            /** Supports Status */
            supports_status: boolean;
            /** Supports Time Entries */
            supports_time_entries: boolean;
        };
        /**
         * PsaConfigurationImport
         * @description Nothing is stored: `targets` are the company's configurations as targets, ready for
         *     POST/PUT of a target list (labels must be unique there: see `repeated_labels`).
         */
        PsaConfigurationImport: {
            /**
             * Client
             * @description The company's name, as the targets' client
             */
            client: string;
            /** Company Id */
            company_id: string;
            /** Provider */
            provider: string;
            /**
             * Repeated Labels
             * @description Labels that more than one configuration has
             */
            repeated_labels: number;
            /** Targets */
            targets: components["schemas"]["TargetIn"][];
            /**
             * Truncated
             * @description The company has more configurations than listed
             */
            truncated: boolean;
        };
        /**
         * PsaFunnel
         * @description Pushes of documentation to the PSA for the period's sessions.
         */
        PsaFunnel: {
            /** Failed */
            failed: number;
            /**
             * Pending
             * @description Still queued or being sent
             */
            pending: number;
            /**
             * Queued
             * @description Every push recorded (the top of the funnel)
             */
            queued: number;
            /** Sent */
            sent: number;
        };
        /** PsaSettingsRead */
        PsaSettingsRead: {
            /** Config */
            config: {
                [key: string]: string;
            };
            /** Configured */
            configured: boolean;
            /**
             * Escalate Note Type
             * @enum {string}
             */
            escalate_note_type: "internal" | "discussion" | "resolution";
            /** Inherited */
            inherited: boolean;
            /** Last Test At */
            last_test_at: string | null;
            /** Last Test Message */
            last_test_message: string;
            /** Last Test Ok */
            last_test_ok: boolean | null;
            /** Provider */
            provider: ("connectwise" | "autotask" | "halopsa") | null;
            /** Push On Escalate */
            push_on_escalate: boolean;
            /** Push On Resolve */
            push_on_resolve: boolean;
            /**
             * Resolve Note Type
             * @enum {string}
             */
            resolve_note_type: "internal" | "discussion" | "resolution";
            /**
             * Scope
             * @enum {string}
             */
            scope: "team" | "account";
            /** Secrets Set */
            secrets_set: string[];
            /** Status On Escalate */
            status_on_escalate: {
                [key: string]: string;
            };
            /** Status On Resolve */
            status_on_resolve: {
                [key: string]: string;
            };
            /**
             * Status On Workaround
             * @description null: sessions resolved with a workaround map as resolved
             */
            status_on_workaround?: {
                [key: string]: string;
            } | null;
            /** Team Id */
            team_id: string | null;
            /** Time Entry On Resolve */
            time_entry_on_resolve: boolean;
        };
        /**
         * PsaSettingsWrite
         * @description The provider, its fields at the top level (`base_url`, `company_id`, `public_key`,
         *     `private_key`, `client_id` for ConnectWise; see GET /integrations/psa/providers), and what
         *     happens by itself. A secret left out or blank keeps the one already saved.
         */
        PsaSettingsWrite: {
            /**
             * Escalate Note Type
             * @default internal
             * @enum {string}
             */
            escalate_note_type: "internal" | "discussion" | "resolution";
            /**
             * Provider
             * @enum {string}
             */
            provider: "connectwise" | "autotask" | "halopsa";
            /**
             * Push On Escalate
             * @default false
             */
            push_on_escalate: boolean;
            /**
             * Push On Resolve
             * @default false
             */
            push_on_resolve: boolean;
            /**
             * Resolve Note Type
             * @default resolution
             * @enum {string}
             */
            resolve_note_type: "internal" | "discussion" | "resolution";
            /** Status On Escalate */
            status_on_escalate?: {
                [key: string]: string;
            };
            /** Status On Resolve */
            status_on_resolve?: {
                [key: string]: string;
            };
            /** Status On Workaround */
            status_on_workaround?: {
                [key: string]: string;
            } | null;
            /**
             * Time Entry On Resolve
             * @default false
             */
            time_entry_on_resolve: boolean;
        } & {
            [key: string]: unknown;
        };
        /**
         * PublicShareView
         * @description The redacted ticket note, the only thing a public link reveals.
         */
        PublicShareView: {
            /** Expires At */
            expires_at: string | null;
            /** Note Html */
            note_html: string;
            /** Note Markdown */
            note_markdown: string;
            /** Note Text */
            note_text: string;
            /**
             * Shared At
             * Format: date-time
             */
            shared_at: string;
            /** Title */
            title: string;
        };
        /** Published */
        Published: {
            /** Version */
            version: number;
        };
        /** PublishRequest */
        PublishRequest: {
            /**
             * Change Note
             * @default
             */
            change_note: string;
        };
        /** PushIn */
        PushIn: {
            /**
             * Note Type
             * @default internal
             * @enum {string}
             */
            note_type: "internal" | "discussion" | "resolution";
            /**
             * Notify Customer
             * @default false
             */
            notify_customer: boolean;
            /** Status */
            status?: string | null;
            /**
             * Time Entry
             * @default false
             */
            time_entry: boolean;
        };
        /** PushRead */
        PushRead: {
            /** Attempts */
            attempts: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Error */
            last_error: string;
            /**
             * Next Attempt At
             * Format: date-time
             */
            next_attempt_at: string;
            /**
             * Note Type
             * @enum {string}
             */
            note_type: "internal" | "discussion" | "resolution";
            /** Notify Customer */
            notify_customer: boolean;
            /** Outcome */
            outcome: {
                [key: string]: unknown;
            };
            /** Provider */
            provider: string;
            /** Psa Note Id */
            psa_note_id: string | null;
            /** Requested By Name */
            requested_by_name?: string | null;
            /** Sent At */
            sent_at: string | null;
            /**
             * Session Id
             * Format: uuid
             */
            session_id: string;
            /** Session Title */
            session_title?: string | null;
            /**
             * State
             * @enum {string}
             */
            state: "queued" | "sending" | "sent" | "failed";
            /** Target Status */
            target_status: string | null;
            /** Ticket Id */
            ticket_id: string;
            /** Time Minutes */
            time_minutes: number | null;
            /**
             * Trigger
             * @enum {string}
             */
            trigger: "manual" | "resolve" | "escalate";
        };
        /**
         * Quality
         * @description The score (0-100, null below `min_runs` runs) and its parts (0..1, higher is better;
         *     rating null when nothing is rated).
         */
        Quality: {
            /** Abandonment */
            abandonment: number | null;
            /** Escalation */
            escalation: number | null;
            /** Rating */
            rating: number | null;
            /** Score */
            score: number | null;
            /** Staleness */
            staleness: number;
            /** Success */
            success: number | null;
        };
        /** QualityFormula */
        QualityFormula: {
            /** Min Runs */
            min_runs: number;
            /** Stale After Days */
            stale_after_days: number;
            /** Text */
            text: string;
            weights: components["schemas"]["QualityWeights"];
        };
        /** QualityWeights */
        QualityWeights: {
            /** Abandonment */
            abandonment: number;
            /** Escalation */
            escalation: number;
            /** Rating */
            rating: number;
            /** Staleness */
            staleness: number;
            /** Success */
            success: number;
        };
        /** QueueItem */
        QueueItem: {
            /** Board */
            board?: string | null;
            /** Company */
            company?: string | null;
            /** Id */
            id: string;
            /** Owner */
            owner?: string | null;
            /** Priority */
            priority?: string | null;
            /** Status */
            status?: string | null;
            /** Summary */
            summary: string;
            /** Updated */
            updated?: string | null;
        };
        /** QueueRead */
        QueueRead: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["QueueItem"][];
            /** Page */
            page: number;
            /** Provider */
            provider: string;
            /** Provider Label */
            provider_label: string;
            /**
             * View
             * @enum {string}
             */
            view: "mine" | "team";
        };
        /** RateRow */
        RateRow: {
            /** Escalated */
            escalated: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Rate */
            rate: number;
            /** Sessions */
            sessions: number;
        };
        /**
         * Rating
         * @description Stars (1-5) of the step-library steps the flow's nodes were inserted from.
         */
        Rating: {
            /** Average */
            average: number;
            /** Count */
            count: number;
        };
        /** RatingIn */
        RatingIn: {
            /**
             * Review
             * @default
             */
            review: string;
            /** Stars */
            stars: number;
        };
        /** RatingPage */
        RatingPage: {
            /** Items */
            items: components["schemas"]["RatingRead"][];
        };
        /** RatingRead */
        RatingRead: {
            /** Review */
            review: string;
            /** Stars */
            stars: number;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** User Name */
            user_name: string;
        };
        /** RedactionReportRead */
        RedactionReportRead: {
            /** Actor Name */
            actor_name: string | null;
            /** Channel */
            channel: string;
            /** Counts */
            counts: {
                [key: string]: number;
            };
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Detail */
            detail: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Total */
            total: number;
        };
        /** RejectIn */
        RejectIn: {
            /** Reason */
            reason: string;
        };
        /** RenderIn */
        RenderIn: {
            /**
             * Session Id
             * @description Record 'ran script' on this session's timeline (secrets masked)
             */
            session_id?: string | null;
            /** Values */
            values?: {
                [key: string]: string | number | boolean | null;
            };
        };
        /** RenderOut */
        RenderOut: {
            /**
             * Recorded Seq
             * @description The timeline entry, if recorded
             */
            recorded_seq?: number | null;
            /** Script */
            script: string;
        };
        /** PreviewRead */
        resolutionflow__documentation__templates__PreviewRead: {
            /** Markdown */
            markdown: string;
        };
        /** PreviewRead */
        resolutionflow__psa__schemas__PreviewRead: {
            /** Active Minutes */
            active_minutes: number;
            /** Redactions */
            redactions: {
                [key: string]: number;
            };
            /** Text */
            text: string;
            /** Ticket Id */
            ticket_id: string | null;
        };
        /** ResolutionPackage */
        ResolutionPackage: {
            /** Client Summary */
            client_summary: string;
            /** Kb Article */
            kb_article: string;
            /** Model */
            model: string;
            /** Note */
            note?: string | null;
            /** Psa Note */
            psa_note: string;
        };
        /** ResolveIn */
        ResolveIn: {
            /** Follow Ups */
            follow_ups?: string[];
            /**
             * Outcome
             * @description `workaround`: the user can work, the cause is still there (the session is resolved; its outcome says workaround)
             * @default resolved
             * @enum {string}
             */
            outcome: "resolved" | "workaround";
            /**
             * Summary
             * @default
             */
            summary: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "resolve";
        };
        /** ResumeIn */
        ResumeIn: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "resume";
        };
        /**
         * RevisitIn
         * @description Nothing to send: the step in the path is the one gone back to.
         */
        RevisitIn: Record<string, never>;
        /**
         * RevokeOtherSignIns
         * @description No fields: signing out every other device needs nothing but the caller's sign-in.
         */
        RevokeOtherSignIns: Record<string, never>;
        /**
         * Role
         * @enum {string}
         */
        Role: "viewer" | "engineer" | "team_admin" | "super_admin";
        /** RunStarted */
        RunStarted: {
            /**
             * Job Id
             * Format: uuid
             */
            job_id: string;
        };
        /** SchedulePreview */
        SchedulePreview: {
            /** Cron */
            cron: string;
            /**
             * Next Runs
             * @description The next slots, as UTC instants.
             */
            next_runs: string[];
            /**
             * Next Runs Local
             * @description The same slots in the schedule's zone.
             */
            next_runs_local: string[];
            /** Timezone */
            timezone: string;
        };
        /** SchedulePreviewIn */
        SchedulePreviewIn: {
            /**
             * Count
             * @default 5
             */
            count: number;
            /** Cron */
            cron: string;
            /**
             * Timezone
             * @default UTC
             */
            timezone: string;
        };
        /** ScheduleRead */
        ScheduleRead: {
            /**
             * Account Id
             * Format: uuid
             */
            account_id: string;
            /** Cron */
            cron: string;
            /** Enabled */
            enabled: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Job Kind */
            job_kind: string;
            /** Last Slot At */
            last_slot_at: string | null;
            misfire: components["schemas"]["Misfire"];
            /** Name */
            name: string;
            /** Next Run At */
            next_run_at: string | null;
            /** Owner */
            owner: string;
            /** Timezone */
            timezone: string;
        };
        /** ScratchpadRead */
        ScratchpadRead: {
            /**
             * Max Length
             * @default 20000
             */
            max_length: number;
            /** Text */
            text: string;
            /**
             * Updated At
             * @description null: nothing written yet
             */
            updated_at: string | null;
        };
        /** ScratchpadWrite */
        ScratchpadWrite: {
            /** Text */
            text: string;
        };
        /**
         * ScriptCreate
         * @description A script template. Every `{{name}}` in the body must be a declared parameter and every
         *     declared parameter must be used; each stands for one complete, quoted literal.
         */
        ScriptCreate: {
            /** Body */
            body: string;
            /**
             * Description
             * @default
             */
            description: string;
            /**
             * Language
             * @enum {string}
             */
            language: "powershell" | "bash" | "cmd" | "python";
            /** Params */
            params?: components["schemas"]["ScriptParam"][];
            /**
             * Risk
             * @default read_only
             * @enum {string}
             */
            risk: "read_only" | "changes_state" | "destructive";
            /** Tags */
            tags?: string[];
            /**
             * Team Id
             * @description The owner team (none: account)
             */
            team_id?: string | null;
            /** Title */
            title: string;
        };
        /** ScriptDraft */
        ScriptDraft: {
            /** Body */
            body: string;
            /** Description */
            description: string;
            /**
             * Language
             * @enum {string}
             */
            language: "powershell" | "bash" | "cmd" | "python";
            /** Params */
            params: components["schemas"]["ScriptParam"][];
            /**
             * Risk
             * @enum {string}
             */
            risk: "read_only" | "changes_state" | "destructive";
            /** Title */
            title: string;
        };
        /** ScriptPage */
        ScriptPage: {
            /** Items */
            items: components["schemas"]["ScriptRead"][];
        };
        /**
         * ScriptParam
         * @description A declared parameter. `name` is an identifier used as `{{name}}` in the body; `pattern`
         *     is a regular expression the whole value must match; `choices` are the allowed values of a
         *     `choice` parameter. A secret parameter has no default: secrets are never stored.
         */
        ScriptParam: {
            /** Choices */
            choices?: string[];
            /** Default */
            default?: string | number | boolean | null;
            /**
             * Help
             * @default
             */
            help: string;
            /** Name */
            name: string;
            /** Pattern */
            pattern?: string | null;
            /**
             * Required
             * @default false
             */
            required: boolean;
            /**
             * Type
             * @default string
             * @enum {string}
             */
            type: "string" | "int" | "bool" | "choice" | "hostname" | "path" | "secret";
        };
        /** ScriptRead */
        ScriptRead: {
            /** Body */
            body: string;
            /** Can Edit */
            can_edit: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Id */
            created_by_id: string | null;
            /** Description */
            description: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Language
             * @enum {string}
             */
            language: "powershell" | "bash" | "cmd" | "python";
            /** Params */
            params: components["schemas"]["ScriptParam"][];
            /** Revision */
            revision: number;
            /**
             * Risk
             * @enum {string}
             */
            risk: "read_only" | "changes_state" | "destructive";
            /** Tags */
            tags: string[];
            /** Team Id */
            team_id: string | null;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** ScriptUpdate */
        ScriptUpdate: {
            /** Body */
            body: string;
            /**
             * Description
             * @default
             */
            description: string;
            /**
             * Language
             * @enum {string}
             */
            language: "powershell" | "bash" | "cmd" | "python";
            /** Params */
            params?: components["schemas"]["ScriptParam"][];
            /**
             * Revision
             * @description The revision you edited; a different current one is a 409
             */
            revision?: number | null;
            /**
             * Risk
             * @default read_only
             * @enum {string}
             */
            risk: "read_only" | "changes_state" | "destructive";
            /** Tags */
            tags?: string[];
            /**
             * Team Id
             * @description The owner team (none: account)
             */
            team_id?: string | null;
            /** Title */
            title: string;
        };
        /** SectionSetting */
        SectionSetting: {
            /**
             * Enabled
             * @default true
             */
            enabled: boolean;
            /** Heading */
            heading: string;
            /**
             * Key
             * @enum {string}
             */
            key: "summary" | "context" | "steps" | "notes" | "resolution" | "follow_ups" | "time";
        };
        /** SecurityRead */
        SecurityRead: {
            /** Absolute Hours */
            absolute_hours: number | null;
            /** Default Idle Minutes */
            default_idle_minutes: number;
            /** Idle Minutes */
            idle_minutes: number | null;
            /**
             * Sso Required
             * @default false
             */
            sso_required: boolean;
        };
        /**
         * SecurityUpdate
         * @description How long a sign-in lives. `idle_minutes`: signed out after this long without use (null:
         *     the default, the refresh-token lifetime of 14 days). `absolute_hours`: signed out this long
         *     after signing in, used or not (null: no limit). Both are replaced. `sso_required`: passwords
         *     are refused for the account's users (a super admin keeps theirs, the break-glass way in);
         *     true only once single sign-on is set up (422 otherwise); null or left out keeps it.
         */
        SecurityUpdate: {
            /** Absolute Hours */
            absolute_hours?: number | null;
            /** Idle Minutes */
            idle_minutes?: number | null;
            /** Sso Required */
            sso_required?: boolean | null;
        };
        /**
         * SeriesDay
         * @description A day of the range: the counts every headline rate is made of, so each has its trend.
         */
        SeriesDay: {
            /** Abandoned */
            abandoned: number;
            /**
             * Date
             * Format: date
             */
            date: string;
            /** Escalated */
            escalated: number;
            /** First Contact Resolved */
            first_contact_resolved: number;
            /** Mttr Seconds */
            mttr_seconds: number | null;
            /** Resolved */
            resolved: number;
            /** Sessions */
            sessions: number;
            /** Unresolved */
            unresolved: number;
            /** Workaround */
            workaround: number;
        };
        /** SessionCreate */
        SessionCreate: {
            /** Flow Id */
            flow_id?: string | null;
            intake?: components["schemas"]["PilotIntake"] | null;
            /**
             * Mode
             * @default guided
             * @enum {string}
             */
            mode: "guided" | "pilot";
            /** Ticket Id */
            ticket_id?: string | null;
            /** Title */
            title: string;
        };
        /**
         * SessionCreated
         * @description A new session; FlowPilot sessions also carry the matched flow, the confidence and tier,
         *     and the first structured step.
         */
        SessionCreated: {
            /** Active Seconds */
            active_seconds: number;
            /** Confidence */
            confidence?: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Current Node */
            current_node: string | null;
            current_step: components["schemas"]["StepView"] | null;
            /** Ended At */
            ended_at: string | null;
            /**
             * Experiment Id
             * @description The A/B test that assigned this session's flow version
             */
            experiment_id?: string | null;
            /** Flow Id */
            flow_id: string | null;
            /**
             * Flow Outcome
             * @description Set when the flow reached a resolution step
             */
            flow_outcome: string | null;
            /** Flow Title */
            flow_title: string | null;
            /** Flow Version */
            flow_version: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Seq */
            last_seq: number;
            matched_flow?: components["schemas"]["MatchedFlow"] | null;
            /**
             * Mode
             * @default guided
             * @enum {string}
             */
            mode: "guided" | "pilot";
            /**
             * Outcome
             * @description Set when the session ended: resolved, workaround (status resolved), unresolved or abandoned
             */
            outcome: ("resolved" | "workaround" | "unresolved" | "abandoned") | null;
            /** Owner Id */
            owner_id: string | null;
            /** Owner Name */
            owner_name: string | null;
            pilot_step?: components["schemas"]["PilotStepRead"] | null;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "paused" | "escalated" | "resolved" | "unresolved" | "abandoned";
            /** Summary */
            summary: string;
            /** Ticket Id */
            ticket_id: string | null;
            /** Tier */
            tier?: ("discovery" | "exploring" | "guided") | null;
            /** Timeline */
            timeline: components["schemas"]["EventRead"][];
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Variables
             * @description Captured values as they may be shown: secrets as “••• (secret captured)”, secret-looking values redacted
             */
            variables: {
                [key: string]: string;
            };
            /**
             * Variant
             * @description The variant of that test the session runs (kept after it ends)
             */
            variant?: ("a" | "b") | null;
            /**
             * Withheld Variables
             * @description Captured values only the runner that captured them holds (secrets, redacted values): `current_step` leaves these as {{name}} for the runner to fill in
             */
            withheld_variables?: string[];
        };
        /** SessionDetail */
        SessionDetail: {
            /** Active Seconds */
            active_seconds: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Current Node */
            current_node: string | null;
            current_step: components["schemas"]["StepView"] | null;
            /** Ended At */
            ended_at: string | null;
            /**
             * Experiment Id
             * @description The A/B test that assigned this session's flow version
             */
            experiment_id?: string | null;
            /** Flow Id */
            flow_id: string | null;
            /**
             * Flow Outcome
             * @description Set when the flow reached a resolution step
             */
            flow_outcome: string | null;
            /** Flow Title */
            flow_title: string | null;
            /** Flow Version */
            flow_version: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Seq */
            last_seq: number;
            /**
             * Mode
             * @default guided
             * @enum {string}
             */
            mode: "guided" | "pilot";
            /**
             * Outcome
             * @description Set when the session ended: resolved, workaround (status resolved), unresolved or abandoned
             */
            outcome: ("resolved" | "workaround" | "unresolved" | "abandoned") | null;
            /** Owner Id */
            owner_id: string | null;
            /** Owner Name */
            owner_name: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "paused" | "escalated" | "resolved" | "unresolved" | "abandoned";
            /** Summary */
            summary: string;
            /** Ticket Id */
            ticket_id: string | null;
            /** Timeline */
            timeline: components["schemas"]["EventRead"][];
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Variables
             * @description Captured values as they may be shown: secrets as “••• (secret captured)”, secret-looking values redacted
             */
            variables: {
                [key: string]: string;
            };
            /**
             * Variant
             * @description The variant of that test the session runs (kept after it ends)
             */
            variant?: ("a" | "b") | null;
            /**
             * Withheld Variables
             * @description Captured values only the runner that captured them holds (secrets, redacted values): `current_step` leaves these as {{name}} for the runner to fill in
             */
            withheld_variables?: string[];
        };
        /**
         * SessionPsaRead
         * @description What the runner needs: is a PSA connected, the linked ticket's context, the pushes.
         */
        SessionPsaRead: {
            /** Connected */
            connected: boolean;
            /** Provider */
            provider: ("connectwise" | "autotask" | "halopsa") | null;
            /** Provider Label */
            provider_label: string | null;
            /** Pushes */
            pushes: components["schemas"]["PushRead"][];
            /** Supports Status */
            supports_status: boolean;
            /** Supports Time Entries */
            supports_time_entries: boolean;
            ticket: components["schemas"]["TicketRead"] | null;
            /** Ticket Error */
            ticket_error: string | null;
            /** Ticket Id */
            ticket_id: string | null;
        };
        /** SessionRead */
        SessionRead: {
            /** Active Seconds */
            active_seconds: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Current Node */
            current_node: string | null;
            current_step: components["schemas"]["StepView"] | null;
            /** Ended At */
            ended_at: string | null;
            /**
             * Experiment Id
             * @description The A/B test that assigned this session's flow version
             */
            experiment_id?: string | null;
            /** Flow Id */
            flow_id: string | null;
            /**
             * Flow Outcome
             * @description Set when the flow reached a resolution step
             */
            flow_outcome: string | null;
            /** Flow Title */
            flow_title: string | null;
            /** Flow Version */
            flow_version: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Seq */
            last_seq: number;
            /**
             * Mode
             * @default guided
             * @enum {string}
             */
            mode: "guided" | "pilot";
            /**
             * Outcome
             * @description Set when the session ended: resolved, workaround (status resolved), unresolved or abandoned
             */
            outcome: ("resolved" | "workaround" | "unresolved" | "abandoned") | null;
            /** Owner Id */
            owner_id: string | null;
            /** Owner Name */
            owner_name: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "paused" | "escalated" | "resolved" | "unresolved" | "abandoned";
            /** Summary */
            summary: string;
            /** Ticket Id */
            ticket_id: string | null;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Variables
             * @description Captured values as they may be shown: secrets as “••• (secret captured)”, secret-looking values redacted
             */
            variables: {
                [key: string]: string;
            };
            /**
             * Variant
             * @description The variant of that test the session runs (kept after it ends)
             */
            variant?: ("a" | "b") | null;
            /**
             * Withheld Variables
             * @description Captured values only the runner that captured them holds (secrets, redacted values): `current_step` leaves these as {{name}} for the runner to fill in
             */
            withheld_variables?: string[];
        };
        /** SessionRow */
        SessionRow: {
            /** Active Seconds */
            active_seconds: number;
            /** Category */
            category: string;
            /** Client */
            client: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Ended At */
            ended_at: string | null;
            /** Escalated */
            escalated: boolean;
            /** Flow Id */
            flow_id: string | null;
            /** Flow Title */
            flow_title: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Outcome
             * @enum {string}
             */
            outcome: "resolved" | "workaround" | "unresolved" | "abandoned" | "escalated" | "open";
            /** Owner Id */
            owner_id: string | null;
            /** Owner Name */
            owner_name: string | null;
            /** Status */
            status: string;
            /** Title */
            title: string;
        };
        /** SessionSummary */
        SessionSummary: {
            /** Active Seconds */
            active_seconds: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Flow Id */
            flow_id: string | null;
            /** Flow Title */
            flow_title: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Outcome */
            outcome?: ("resolved" | "workaround" | "unresolved" | "abandoned") | null;
            /** Owner Id */
            owner_id: string | null;
            /** Owner Name */
            owner_name: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "paused" | "escalated" | "resolved" | "unresolved" | "abandoned";
            /** Ticket Id */
            ticket_id: string | null;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** ShareCreate */
        ShareCreate: {
            /**
             * Expires In Days
             * @description Days until the link stops working; null: never.
             * @default 7
             */
            expires_in_days: number | null;
            /**
             * Public
             * @description True: anyone with the link sees the redacted note. False: only people signed in to this account.
             */
            public: boolean;
        };
        /** ShareCreated */
        ShareCreated: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Expires At */
            expires_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Viewed At */
            last_viewed_at: string | null;
            /** Public */
            public: boolean;
            /** Revoked At */
            revoked_at: string | null;
            /**
             * Url
             * @description The link, with its secret token. Shown once; copy it now.
             */
            url: string;
            /** View Count */
            view_count: number;
        };
        /** ShareRead */
        ShareRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Expires At */
            expires_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Viewed At */
            last_viewed_at: string | null;
            /** Public */
            public: boolean;
            /** Revoked At */
            revoked_at: string | null;
            /** View Count */
            view_count: number;
        };
        /** SignificanceTest */
        SignificanceTest: {
            /**
             * Method
             * @enum {string}
             */
            method: "z-test" | "fisher" | "mann-whitney";
            /** P Value */
            p_value: number;
            /**
             * Statistic
             * @description z, the odds ratio (Fisher) or U of variant A
             */
            statistic: number | null;
        };
        /**
         * SignInRead
         * @description One signed-in device or browser: a sign-in and every refresh that followed it.
         */
        SignInRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Current */
            current: boolean;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Ip */
            ip: string | null;
            /**
             * Last Seen At
             * Format: date-time
             */
            last_seen_at: string;
            /** User Agent */
            user_agent: string | null;
        };
        /** SignInsRevoked */
        SignInsRevoked: {
            /** Revoked */
            revoked: number;
        };
        /**
         * SignOutEverywhere
         * @description No fields: signing a user out everywhere needs nothing but who.
         */
        SignOutEverywhere: Record<string, never>;
        /**
         * Source
         * @description Where an answer or a suggestion came from; `kind` and `id` say where it opens (a flow, a
         *     past session, a knowledge document, a step-library step: /steps/{id}).
         */
        Source: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "flow" | "session" | "knowledge" | "step";
            /**
             * Relevance
             * @default 0
             */
            relevance: number;
            /**
             * Snippet
             * @default
             */
            snippet: string;
            /** Title */
            title: string;
        };
        /**
         * SourceRef
         * @description What a step came from: a flow, a past session, a knowledge document or a library step.
         */
        SourceRef: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "flow" | "session" | "knowledge" | "step";
            /** Title */
            title: string;
        };
        /** SpinOffIn */
        SpinOffIn: {
            /**
             * Copy Context
             * @description Add the session's documentation so far, redacted as notes pushed to the PSA are
             * @default false
             */
            copy_context: boolean;
            /**
             * Description
             * @default
             */
            description: string;
            /** Summary */
            summary: string;
        };
        /** SpinOffRead */
        SpinOffRead: {
            /**
             * Adopted
             * @default false
             */
            adopted: boolean;
            /**
             * Original Noted
             * @description Whether the reference note was added to the original ticket
             */
            original_noted: boolean;
            /** Original Ticket Id */
            original_ticket_id?: string | null;
            /** Ticket Id */
            ticket_id: string;
            /** Url */
            url?: string | null;
        };
        /**
         * SsoConfigRead
         * @description `configured` false: passwords only, the other fields empty. The secret is never
         *     returned: `has_secret` says whether one is stored. `redirect_uri` is what to register at the
         *     provider.
         */
        SsoConfigRead: {
            /** Client Id */
            client_id: string | null;
            /** Configured */
            configured: boolean;
            /** Default Role */
            default_role: ("viewer" | "engineer" | "team_admin") | null;
            /** Display Name */
            display_name: string | null;
            /** Domains */
            domains: string[];
            /** Has Secret */
            has_secret: boolean;
            /** Issuer */
            issuer: string | null;
            /** Redirect Uri */
            redirect_uri: string;
            /** Required */
            required: boolean;
        };
        /**
         * SsoConfigUpdate
         * @description The account's OpenID Provider. `issuer` is the provider's issuer URL (its discovery
         *     document is fetched and checked when saving); `client_secret` may be left out to keep the
         *     stored one; `domains` are the email domains that sign in through it (each belongs to one
         *     account only).
         */
        SsoConfigUpdate: {
            /** Client Id */
            client_id: string;
            /** Client Secret */
            client_secret?: string | null;
            /**
             * Default Role
             * @default engineer
             * @enum {string}
             */
            default_role: "viewer" | "engineer" | "team_admin";
            /**
             * Display Name
             * @default single sign-on
             */
            display_name: string;
            /** Domains */
            domains: string[];
            /** Issuer */
            issuer: string;
        };
        /**
         * SsoDiscovery
         * @description What the sign-in page shows for an email: a "Sign in with <display_name>" button when
         *     `sso` is true (go to `start_url`), and no password field when `password_allowed` is false.
         */
        SsoDiscovery: {
            /** Display Name */
            display_name?: string | null;
            /**
             * Password Allowed
             * @default true
             */
            password_allowed: boolean;
            /** Sso */
            sso: boolean;
            /** Start Url */
            start_url?: string | null;
        };
        /** StatusUpdate */
        StatusUpdate: {
            /**
             * Audience
             * @enum {string}
             */
            audience: "internal" | "client" | "email";
            /**
             * Detail
             * @enum {string}
             */
            detail: "short" | "detailed";
            /** Model */
            model: string;
            /** Note */
            note?: string | null;
            /** Text */
            text: string;
        };
        /** StatusUpdateIn */
        StatusUpdateIn: {
            /**
             * Audience
             * @default internal
             * @enum {string}
             */
            audience: "internal" | "client" | "email";
            /**
             * Detail
             * @default short
             * @enum {string}
             */
            detail: "short" | "detailed";
        };
        /** StepAnswerIn */
        StepAnswerIn: {
            /** Option */
            option?: string | null;
            /**
             * Skip
             * @default false
             */
            skip: boolean;
            /** Text */
            text?: string | null;
        };
        /**
         * StepCreate
         * @description A reusable step. A question needs at least two distinct answers; a script reference
         *     names its script. `{{variable}}` placeholders in the title or body are filled in when the
         *     step runs inside a flow, like any node's.
         */
        StepCreate: {
            /** Answers */
            answers?: string[];
            /**
             * Body
             * @default
             */
            body: string;
            /**
             * Category
             * @default
             */
            category: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "question" | "action" | "check" | "script_ref";
            /** Script Ref */
            script_ref?: string | null;
            /** Tags */
            tags?: string[];
            /**
             * Team Id
             * @description The owner team (none: account)
             */
            team_id?: string | null;
            /** Title */
            title: string;
        };
        /**
         * StepFacets
         * @description What the library's filters offer: every tag and category in use.
         */
        StepFacets: {
            /** Categories */
            categories: string[];
            /** Tags */
            tags: string[];
        };
        /** StepPage */
        StepPage: {
            /** Items */
            items: components["schemas"]["StepRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** StepRead */
        StepRead: {
            /** Answers */
            answers: string[];
            /** Body */
            body: string;
            /** Can Edit */
            can_edit: boolean;
            /** Category */
            category: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Id */
            created_by_id: string | null;
            /** Created By Name */
            created_by_name: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "question" | "action" | "check" | "script_ref";
            /**
             * Linked Nodes
             * @description Published flow nodes linked to this step
             */
            linked_nodes: number;
            my_rating?: components["schemas"]["RatingRead"] | null;
            /** Open Flags */
            open_flags: number;
            /** Rating Avg */
            rating_avg: number | null;
            /** Rating Count */
            rating_count: number;
            /** Revision */
            revision: number;
            /** Script Ref */
            script_ref: string | null;
            /**
             * Snippet
             * @description Matched text, <mark>ed, when searched
             */
            snippet?: string | null;
            /** Tags */
            tags: string[];
            /** Team Id */
            team_id: string | null;
            /** Team Name */
            team_name: string | null;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Variables
             * @description The {{variable}} names the step uses
             */
            variables: string[];
            /**
             * Verified Uses
             * @description Resolved sessions that passed a linked flow node
             */
            verified_uses: number;
        };
        /**
         * StepResult
         * @description What answering a step returns: the next step and the updated confidence and tier.
         */
        StepResult: {
            /** Confidence */
            confidence: number;
            /** Facts */
            facts?: components["schemas"]["FactRead"][];
            /** Note */
            note?: string | null;
            pilot_step: components["schemas"]["PilotStepRead"] | null;
            /**
             * Tier
             * @enum {string}
             */
            tier: "discovery" | "exploring" | "guided";
        };
        /**
         * StepSuggestion
         * @description A library step ranked for a problem: text relevance, and that relevance with the step's
         *     quality signal (ratings, verified uses, open flags) applied.
         */
        StepSuggestion: {
            /**
             * Quality
             * @description -1..1: ratings, verified uses and open flags combined
             */
            quality: number;
            /** Relevance */
            relevance: number;
            /** Score */
            score: number;
            step: components["schemas"]["StepRead"];
        };
        /** StepSuggestionPage */
        StepSuggestionPage: {
            /** Items */
            items: components["schemas"]["StepSuggestion"][];
        };
        /**
         * StepUpdate
         * @description The step as it should be (PUT replaces it). `revision`, when given, must be the step's
         *     current revision (409 otherwise: someone else saved in between).
         */
        StepUpdate: {
            /** Answers */
            answers?: string[];
            /**
             * Body
             * @default
             */
            body: string;
            /**
             * Category
             * @default
             */
            category: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "question" | "action" | "check" | "script_ref";
            /** Revision */
            revision?: number | null;
            /** Script Ref */
            script_ref?: string | null;
            /** Tags */
            tags?: string[];
            /**
             * Team Id
             * @description The owner team (none: account)
             */
            team_id?: string | null;
            /** Title */
            title: string;
        };
        /**
         * StepView
         * @description The step the session is on, ready to show (captured values filled into its text).
         */
        StepView: {
            /**
             * Answers
             * @default []
             */
            answers: string[];
            /** Body */
            body: string;
            /**
             * Flow Id
             * Format: uuid
             */
            flow_id: string;
            /** Flow Title */
            flow_title: string;
            /**
             * Input Type
             * @description Input steps: `secret` values are kept by the runner and never sent
             */
            input_type?: ("text" | "secret") | null;
            /**
             * Items
             * @default []
             */
            items: string[];
            /** Node Id */
            node_id: string;
            /** Outcome */
            outcome?: string | null;
            /**
             * Script Id
             * @description Action steps: the library script the step runs, if any
             */
            script_id?: string | null;
            /**
             * Ticked
             * @default []
             */
            ticked: number[];
            /** Title */
            title: string;
            /** Type */
            type: string;
            /** Variable */
            variable?: string | null;
        };
        /** Suggestion */
        Suggestion: {
            /** Command */
            command?: string | null;
            /**
             * Confidence
             * @default 0.5
             */
            confidence: number;
            /**
             * Instructions
             * @default
             */
            instructions: string;
            source?: components["schemas"]["Source"] | null;
            /** Title */
            title: string;
        };
        /** SwitchFlowIn */
        SwitchFlowIn: {
            /**
             * Flow Id
             * Format: uuid
             */
            flow_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "switch_flow";
        };
        /**
         * TargetIn
         * @description A machine or client site. `fields` are what flows read as `{{target.<name>}}`.
         */
        TargetIn: {
            /**
             * Client
             * @default
             */
            client: string;
            /** Fields */
            fields?: {
                [key: string]: string;
            };
            /**
             * Id
             * @description On PUT: keep this existing target's id (omit for a new one)
             */
            id?: string | null;
            /** Label */
            label: string;
            /**
             * Notes
             * @default
             */
            notes: string;
            /** Psa Company Id */
            psa_company_id?: string | null;
            /** Psa Config Id */
            psa_config_id?: string | null;
        };
        /** TargetListCreate */
        TargetListCreate: {
            /** Name */
            name: string;
            /** Targets */
            targets: components["schemas"]["TargetIn"][];
            /** Team Id */
            team_id?: string | null;
        };
        /** TargetListPage */
        TargetListPage: {
            /** Items */
            items: components["schemas"]["TargetListSummary"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** TargetListRead */
        TargetListRead: {
            /** Clients */
            clients: string[];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Target Count */
            target_count: number;
            /** Targets */
            targets: components["schemas"]["TargetRead"][];
            /** Team Id */
            team_id: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** TargetListSummary */
        TargetListSummary: {
            /** Clients */
            clients: string[];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Target Count */
            target_count: number;
            /** Team Id */
            team_id: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * TargetListUpdate
         * @description The whole list as it should be (targets given with their `id` keep it).
         */
        TargetListUpdate: {
            /** Name */
            name: string;
            /** Targets */
            targets: components["schemas"]["TargetIn"][];
            /** Team Id */
            team_id?: string | null;
        };
        /** TargetRead */
        TargetRead: {
            /** Client */
            client: string;
            /** Fields */
            fields: {
                [key: string]: string;
            };
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Label */
            label: string;
            /** Notes */
            notes: string;
            /** Position */
            position: number;
            /** Psa Company Id */
            psa_company_id: string | null;
            /** Psa Config Id */
            psa_config_id: string | null;
        };
        /** TeamCreate */
        TeamCreate: {
            /**
             * Description
             * @default
             */
            description: string;
            /** Name */
            name: string;
        };
        /** TeamDetail */
        TeamDetail: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Member Count */
            member_count: number;
            /** Members */
            members: components["schemas"]["TeamMember"][];
            /** Name */
            name: string;
        };
        /**
         * TeamHealth
         * @description The last 7 days against the 7 before them: the whole account first, then each team
         *     (a team's figures are its members' sessions and escalations).
         */
        TeamHealth: {
            /**
             * Last Week Since
             * Format: date-time
             */
            last_week_since: string;
            /** Rows */
            rows: components["schemas"]["HealthRow"][];
            /** Teams Total */
            teams_total: number;
            /**
             * This Week Since
             * Format: date-time
             */
            this_week_since: string;
        };
        /** TeamMember */
        TeamMember: {
            /** Email */
            email: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Is Active */
            is_active: boolean;
            /** Name */
            name: string;
            role: components["schemas"]["Role"];
        };
        /** TeamRead */
        TeamRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Member Count */
            member_count: number;
            /** Name */
            name: string;
        };
        /** TeamRef */
        TeamRef: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
        };
        /** TeamUpdate */
        TeamUpdate: {
            /** Description */
            description?: string | null;
            /** Name */
            name?: string | null;
        };
        /** TestResult */
        TestResult: {
            /** Kind */
            kind?: string | null;
            /** Message */
            message: string;
            /** Ok */
            ok: boolean;
            /** Version */
            version?: string | null;
        };
        /** TicketCreated */
        TicketCreated: {
            /**
             * Adopted
             * @description True when an earlier attempt with the same Idempotency-Key had already created it: the same ticket is returned, none is created.
             * @default false
             */
            adopted: boolean;
            /**
             * Summary
             * @default
             */
            summary: string;
            /** Ticket Id */
            ticket_id: string;
            /** Url */
            url?: string | null;
        };
        /** TicketCreateIn */
        TicketCreateIn: {
            /** Board Id */
            board_id?: string | null;
            /** Company Id */
            company_id?: string | null;
            /** Contact Id */
            contact_id?: string | null;
            /**
             * Description
             * @default
             */
            description: string;
            /**
             * Priority
             * @description The PSA's priority id
             */
            priority?: string | null;
            /** Summary */
            summary: string;
            /** Type Id */
            type_id?: string | null;
        };
        /** TicketRead */
        TicketRead: {
            /** Board */
            board?: string | null;
            /** Company */
            company?: string | null;
            /**
             * Configurations
             * @default []
             */
            configurations: components["schemas"]["ConfigurationRead"][];
            /** Contact Email */
            contact_email?: string | null;
            /** Contact Name */
            contact_name?: string | null;
            /** Fetched At */
            fetched_at?: string | null;
            /** Id */
            id: string;
            /** Priority */
            priority?: string | null;
            /** Provider */
            provider?: string | null;
            /** Status */
            status?: string | null;
            /** Summary */
            summary: string;
        };
        /** TicketSummaryRead */
        TicketSummaryRead: {
            /** Board */
            board?: string | null;
            /** Company */
            company?: string | null;
            /** Id */
            id: string;
            /** Priority */
            priority?: string | null;
            /** Status */
            status?: string | null;
            /** Summary */
            summary: string;
        };
        /** TierCounts */
        TierCounts: {
            /** Discovery */
            discovery: number;
            /** Exploring */
            exploring: number;
            /** Guided */
            guided: number;
        };
        /** TokenResponse */
        TokenResponse: {
            /** Access Token */
            access_token: string;
            /** Expires In */
            expires_in: number;
            /**
             * Token Type
             * @default bearer
             * @constant
             */
            token_type: "bearer";
        };
        /** ToSessionIn */
        ToSessionIn: {
            /** Ticket Id */
            ticket_id?: string | null;
            /** Title */
            title?: string | null;
        };
        /** Triage */
        Triage: {
            /**
             * Asset
             * @default
             */
            asset: string;
            /**
             * Category
             * @default
             */
            category: string;
            /**
             * Client
             * @default
             */
            client: string;
            /**
             * Evidence
             * @default
             */
            evidence: string;
            /**
             * Hypothesis
             * @default
             */
            hypothesis: string;
            /**
             * Summary
             * @default
             */
            summary: string;
        };
        /** TriageIn */
        TriageIn: {
            /** Text */
            text: string;
        };
        /** TriagePatch */
        TriagePatch: {
            /** Asset */
            asset?: string | null;
            /** Category */
            category?: string | null;
            /** Client */
            client?: string | null;
            /** Evidence */
            evidence?: string | null;
            /** Hypothesis */
            hypothesis?: string | null;
            /** Summary */
            summary?: string | null;
        };
        /** TriageRead */
        TriageRead: {
            board?: components["schemas"]["Guess"] | null;
            company?: components["schemas"]["Guess"] | null;
            contact?: components["schemas"]["Guess"] | null;
            /** Description */
            description: string;
            /**
             * Note
             * @description Why the rules answered, if a model is set
             */
            note?: string | null;
            priority?: components["schemas"]["Guess"] | null;
            /**
             * Source
             * @enum {string}
             */
            source: "model" | "rules";
            /** Summary */
            summary: string;
            /** Summary Confidence */
            summary_confidence: number;
            type?: components["schemas"]["Guess"] | null;
        };
        /** UsageReport */
        UsageReport: {
            /** Month Spend Usd */
            month_spend_usd: string;
            /** Monthly Budget Usd */
            monthly_budget_usd: string | null;
            /** Rows */
            rows: components["schemas"]["UsageRow"][];
            /**
             * Since
             * Format: date
             */
            since: string;
            /** Total Calls */
            total_calls: number;
            /** Total Cost Usd */
            total_cost_usd: string;
            /**
             * Until
             * Format: date
             */
            until: string;
        };
        /** UsageRow */
        UsageRow: {
            /** Action */
            action: string;
            /** Cache Read Tokens */
            cache_read_tokens: number;
            /** Calls */
            calls: number;
            /** Cost Usd */
            cost_usd: string;
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Fallbacks */
            fallbacks: number;
            /** Input Tokens */
            input_tokens: number;
            /** Model */
            model: string;
            /** Output Tokens */
            output_tokens: number;
            /** Provider */
            provider: string;
        };
        /** UserCreate */
        UserCreate: {
            /**
             * Email
             * Format: email
             */
            email: string;
            /** Name */
            name: string;
            /** Password */
            password?: string | null;
            role: components["schemas"]["Role"];
        };
        /** UserCreated */
        UserCreated: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            invite?: components["schemas"]["InviteIssued"] | null;
            /** Is Active */
            is_active: boolean;
            /** Last Login At */
            last_login_at: string | null;
            /** Name */
            name: string;
            role: components["schemas"]["Role"];
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "invited" | "deactivated";
            /**
             * Teams
             * @default []
             */
            teams: components["schemas"]["TeamRef"][];
        };
        /** UserRead */
        UserRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Is Active */
            is_active: boolean;
            /** Last Login At */
            last_login_at: string | null;
            /** Name */
            name: string;
            role: components["schemas"]["Role"];
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "invited" | "deactivated";
            /**
             * Teams
             * @default []
             */
            teams: components["schemas"]["TeamRef"][];
        };
        /** UserUpdate */
        UserUpdate: {
            /** Is Active */
            is_active?: boolean | null;
            /** Name */
            name?: string | null;
            role?: components["schemas"]["Role"] | null;
        };
        /** ValidationReport */
        ValidationReport: {
            /** Problems */
            problems: components["schemas"]["Problem"][];
            /** Valid */
            valid: boolean;
        };
        /** VariantResults */
        VariantResults: {
            /** Abandoned */
            abandoned: number;
            /**
             * Completed
             * @description Resolved, unresolved, abandoned or escalated
             */
            completed: number;
            /**
             * Escalations
             * @description Sessions escalated at least once
             */
            escalations: number;
            /**
             * Median Active Seconds
             * @description Median active time of the resolved sessions
             */
            median_active_seconds: number | null;
            /**
             * Open
             * @description Still active or paused
             */
            open: number;
            /**
             * Resolution Rate
             * @description resolved / completed; null before any
             */
            resolution_rate: number | null;
            /** Resolved */
            resolved: number;
            /**
             * Runs
             * @description Sessions assigned this variant
             */
            runs: number;
            /**
             * Variant
             * @enum {string}
             */
            variant: "a" | "b";
            /** Version */
            version: number;
        };
        /** VersionRead */
        VersionRead: {
            /** Change Note */
            change_note: string;
            /** Graph */
            graph: {
                [key: string]: unknown;
            };
            /** Number */
            number: number;
            /**
             * Published At
             * Format: date-time
             */
            published_at: string;
            /** Published By Name */
            published_by_name: string | null;
        };
        /** VersionSummary */
        VersionSummary: {
            /**
             * Candidate
             * @description Published for an A/B test's variant B; not the flow's current version
             * @default false
             */
            candidate: boolean;
            /** Change Note */
            change_note: string;
            /** Node Count */
            node_count: number;
            /** Number */
            number: number;
            /**
             * Published At
             * Format: date-time
             */
            published_at: string;
            /** Published By Name */
            published_by_name: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health_api_health_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
        };
    };
    ready_api_health_ready_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
        };
    };
    read_own_account_api_v1_account_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountRead"];
                };
            };
        };
    };
    rename_own_account_api_v1_account_patch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_branding_api_v1_account_branding_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrandingRead"];
                };
            };
        };
    };
    save_branding_api_v1_account_branding_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BrandingUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrandingRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_logo_api_v1_account_branding_logo_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": unknown;
                    "image/png": unknown;
                };
            };
        };
    };
    upload_logo_api_v1_account_branding_logo_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrandingRead"];
                };
            };
        };
    };
    remove_logo_api_v1_account_branding_logo_delete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrandingRead"];
                };
            };
        };
    };
    read_channels_api_v1_account_escalation_channels_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelsRead"];
                };
            };
        };
    };
    save_channels_api_v1_account_escalation_channels_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChannelsWrite"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelsRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    test_channels_api_v1_account_escalation_channels_test_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelTest"];
                };
            };
        };
    };
    read_note_template_api_v1_account_note_template_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteTemplateRead"];
                };
            };
        };
    };
    save_note_template_api_v1_account_note_template_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteTemplate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteTemplateRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    preview_note_template_api_v1_account_note_template_preview_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteTemplate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["resolutionflow__documentation__templates__PreviewRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_security_api_v1_account_security_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityRead"];
                };
            };
        };
    };
    save_security_api_v1_account_security_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecurityUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_sso_api_v1_account_sso_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoConfigRead"];
                };
            };
        };
    };
    save_sso_api_v1_account_sso_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SsoConfigUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoConfigRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    delete_sso_api_v1_account_sso_delete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    list_accounts_api_v1_accounts_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AccountRead_"];
                };
            };
        };
    };
    create_account_api_v1_accounts_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountCreated"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_account_api_v1_accounts__account_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    rename_account_api_v1_accounts__account_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_ai_settings_api_v1_ai_settings_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AISettingsRead"];
                };
            };
        };
    };
    save_ai_settings_api_v1_ai_settings_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AISettingsWrite"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AISettingsRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    test_ai_connection_api_v1_ai_settings_test_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionTest"];
                };
            };
        };
    };
    ai_usage_api_v1_ai_usage_get: {
        parameters: {
            query?: {
                since?: string | null;
                until?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageReport"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    coverage_api_v1_analytics_coverage_get: {
        parameters: {
            query?: {
                category?: string | null;
                client?: string | null;
                /** @description What the columns are */
                cols?: "outcome" | "category";
                experiment_id?: string | null;
                flow_id?: string | null;
                /** @description csv: the table as text/csv, as a download */
                format?: "json" | "csv";
                /** @description First day, UTC (default: 29 days before `to`) */
                from?: string | null;
                /** @description What the rows are */
                rows?: "category" | "client";
                /** @description Sessions owned by this team's members */
                team_id?: string | null;
                /** @description Last day, UTC, included (default: today) */
                to?: string | null;
                /** @description Sessions owned by this user (engineers: themselves) */
                user_id?: string | null;
                variant?: ("a" | "b") | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coverage"];
                    "text/csv": string;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    flow_table_api_v1_analytics_flows_get: {
        parameters: {
            query?: {
                category?: string | null;
                client?: string | null;
                experiment_id?: string | null;
                flow_id?: string | null;
                /** @description csv: the table as text/csv, as a download */
                format?: "json" | "csv";
                /** @description First day, UTC (default: 29 days before `to`) */
                from?: string | null;
                /** @description Sessions owned by this team's members */
                team_id?: string | null;
                /** @description Last day, UTC, included (default: today) */
                to?: string | null;
                /** @description Sessions owned by this user (engineers: themselves) */
                user_id?: string | null;
                variant?: ("a" | "b") | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowTable"];
                    "text/csv": string;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    flow_detail_api_v1_analytics_flows__flow_id__get: {
        parameters: {
            query?: {
                category?: string | null;
                client?: string | null;
                experiment_id?: string | null;
                /** @description csv: the table as text/csv, as a download */
                format?: "json" | "csv";
                /** @description First day, UTC (default: 29 days before `to`) */
                from?: string | null;
                /** @description Sessions owned by this team's members */
                team_id?: string | null;
                /** @description Last day, UTC, included (default: today) */
                to?: string | null;
                /** @description Sessions owned by this user (engineers: themselves) */
                user_id?: string | null;
                variant?: ("a" | "b") | null;
            };
            header?: never;
            path: {
                flow_id: string | null;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowAnalytics"];
                    "text/csv": string;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    overview_api_v1_analytics_overview_get: {
        parameters: {
            query?: {
                category?: string | null;
                client?: string | null;
                experiment_id?: string | null;
                flow_id?: string | null;
                /** @description csv: the table as text/csv, as a download */
                format?: "json" | "csv";
                /** @description First day, UTC (default: 29 days before `to`) */
                from?: string | null;
                /** @description Which table the CSV holds */
                table?: "headline" | "series";
                /** @description Sessions owned by this team's members */
                team_id?: string | null;
                /** @description Last day, UTC, included (default: today) */
                to?: string | null;
                /** @description Sessions owned by this user (engineers: themselves) */
                user_id?: string | null;
                variant?: ("a" | "b") | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Overview"];
                    "text/csv": string;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    analytics_sessions_api_v1_analytics_sessions_get: {
        parameters: {
            query?: {
                category?: string | null;
                client?: string | null;
                cursor?: string | null;
                experiment_id?: string | null;
                flow_id?: string | null;
                /** @description csv: every page at once (newest first, at most 10,000 rows; `limit` and `cursor` are ignored; the header X-Rows-Truncated: true says there were more) */
                format?: "json" | "csv";
                /** @description First day, UTC (default: 29 days before `to`) */
                from?: string | null;
                limit?: number;
                outcome?: ("resolved" | "workaround" | "unresolved" | "abandoned" | "escalated" | "open") | null;
                /** @description Sessions owned by this team's members */
                team_id?: string | null;
                /** @description Last day, UTC, included (default: today) */
                to?: string | null;
                /** @description Sessions owned by this user (engineers: themselves) */
                user_id?: string | null;
                variant?: ("a" | "b") | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_SessionRow_"];
                    "text/csv": string;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_conversations_api_v1_assist_conversations_get: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                /** @description Contains this text */
                q?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ConversationSummary_"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    create_conversation_api_v1_assist_conversations_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ConversationCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationDetail"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_conversation_api_v1_assist_conversations__conversation_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationDetail"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    delete_conversation_api_v1_assist_conversations__conversation_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    send_assist_message_api_v1_assist_conversations__conversation_id__messages_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The reply; with `Accept: text/event-stream`, the same reply streamed as server-sent events (`delta`, `reset`, then `reply`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CopilotReply"];
                    "text/event-stream": unknown;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    conversation_to_session_api_v1_assist_conversations__conversation_id__session_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ToSessionIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetail"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_audit_events_api_v1_audit_events_get: {
        parameters: {
            query?: {
                /** @description Only this action */
                action?: ("account.branding_changed" | "account.created" | "account.security_changed" | "api_token.created" | "api_token.revoked" | "auth.login" | "auth.login_failed" | "auth.logout" | "auth.password_change_failed" | "auth.password_changed" | "auth.refresh_reuse" | "auth.session_revoked" | "auth.sso_failed" | "auth.sessions_revoked_others" | "auth.throttled" | "experiment.started" | "experiment.stopped" | "gap.drafted" | "handoff.claim_override" | "invite.accepted" | "invite.created" | "invite.revoked" | "job.retried" | "maintenance.batch_cancelled" | "maintenance.batch_launched" | "maintenance.item_failed" | "maintenance.item_skipped" | "maintenance.schedule_created" | "maintenance.schedule_deleted" | "proposal.approved" | "proposal.dismissed" | "proposal.rejected" | "proposal.run" | "psa.connection_deleted" | "psa.connection_saved" | "psa.member_mapped" | "psa.ticket_created" | "share.created" | "sso.config_deleted" | "sso.config_saved" | "share.revoked" | "script.created" | "script.deleted" | "script.updated" | "step.created" | "step.deleted" | "step.flag_dismissed" | "step.flag_resolved" | "step.flagged" | "step.updated" | "team.created" | "team.deleted" | "user.created" | "user.deactivated" | "user.reactivated" | "user.role_changed" | "user.signed_out_everywhere") | null;
                /** @description From `next_cursor` */
                cursor?: string | null;
                /** @description Items per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AuditEventRead_"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    preview_invite_api_v1_auth_invites__token__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitePreview"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    accept_invite_api_v1_auth_invites__token__accept_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteAccept"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    login_api_v1_auth_login_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    logout_api_v1_auth_logout_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    refresh_api_v1_auth_refresh_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
        };
    };
    sso_callback_api_v1_auth_sso_callback_get: {
        parameters: {
            query?: {
                code?: string | null;
                error?: string | null;
                state?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Into the app, or to the sign-in page with sso_error */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    discover_sso_api_v1_auth_sso_discover_get: {
        parameters: {
            query: {
                email: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoDiscovery"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    start_sso_api_v1_auth_sso_start_get: {
        parameters: {
            query: {
                email: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description To the provider, or back to the sign-in page */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    escalation_metrics_api_v1_escalations_metrics_get: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationMetrics"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_experiment_api_v1_experiments__experiment_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                experiment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExperimentRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    stop_experiment_api_v1_experiments__experiment_id__stop_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                experiment_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ExperimentStop"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExperimentRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_flows_api_v1_flows_get: {
        parameters: {
            query?: {
                archived?: boolean;
                category?: string | null;
                cursor?: string | null;
                /** @description A folder id, or `root` for flows in no folder */
                folder_id?: string | null;
                kind?: ("troubleshooting" | "procedural" | "maintenance") | null;
                limit?: number;
                /** @description Contains this text */
                q?: string | null;
                sort?: ("relevance" | "updated" | "used") | null;
                tag?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_FlowSummary_"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    create_flow_api_v1_flows_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowDocumentIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_flow_api_v1_flows__flow_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    move_flow_api_v1_flows__flow_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowMove"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    archive_flow_api_v1_flows__flow_id__archive_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    diff_versions_api_v1_flows__flow_id__diff_get: {
        parameters: {
            query: {
                from: string;
                to?: string;
            };
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiffRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    save_draft_api_v1_flows__flow_id__draft_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowDocumentIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    duplicate_flow_api_v1_flows__flow_id__duplicate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_experiments_api_v1_flows__flow_id__experiments_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExperimentPage"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    start_experiment_api_v1_flows__flow_id__experiments_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ExperimentCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExperimentRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    current_experiment_api_v1_flows__flow_id__experiments_current_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExperimentRead"] | null;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    export_flow_api_v1_flows__flow_id__export_get: {
        parameters: {
            query?: {
                version?: number | null;
            };
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    publish_flow_api_v1_flows__flow_id__publish_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PublishRequest"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Published"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    unarchive_flow_api_v1_flows__flow_id__unarchive_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    validate_draft_api_v1_flows__flow_id__validate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationReport"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_versions_api_v1_flows__flow_id__versions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_VersionSummary_"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_version_api_v1_flows__flow_id__versions__number__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    restore_version_api_v1_flows__flow_id__versions__number__restore_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    export_library_api_v1_flows_export_library_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": unknown;
                };
            };
        };
    };
    flow_facets_api_v1_flows_facets_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Facets"];
                };
            };
        };
    };
    flow_from_article_api_v1_flows_from_article_post: {
        parameters: {
            query: {
                filename: string;
                mode?: "procedure" | "tree";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GeneratedFlow"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    generate_flow_api_v1_flows_generate_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GeneratedFlow"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    import_flow_api_v1_flows_import_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowDocument"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRead"];
                };
            };
        };
    };
    import_library_api_v1_flows_import_library_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/zip": string;
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportedLibrary"];
                };
            };
        };
    };
    validate_graph_api_v1_flows_validate_post: {
        parameters: {
            query?: {
                /** @description The flow being edited */
                flow_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowDocument"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationReport"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_folders_api_v1_folders_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_FolderRead_"];
                };
            };
        };
    };
    create_folder_api_v1_folders_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FolderCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    delete_folder_api_v1_folders__folder_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                folder_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    update_folder_api_v1_folders__folder_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                folder_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FolderUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_handoffs_api_v1_handoffs_get: {
        parameters: {
            query?: {
                cursor?: string | null;
                /** @description Escalations, parked sessions, or both */
                kind?: "escalation" | "park" | "all";
                limit?: number;
                status?: "unclaimed" | "claimed" | "all";
                target?: "me" | "any";
                team_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_HandoffRead_"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_handoff_api_v1_handoffs__handoff_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                handoff_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    claim_handoff_api_v1_handoffs__handoff_id__claim_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                handoff_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    handoff_outcome_api_v1_handoffs__handoff_id__outcome_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                handoff_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OutcomeIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_home_api_v1_home_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HomeRead"];
                };
            };
        };
    };
    read_settings_api_v1_integrations_psa_get: {
        parameters: {
            query?: {
                /** @description The team whose connection this is; leave out for the account default. */
                team_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PsaSettingsRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    save_settings_api_v1_integrations_psa_put: {
        parameters: {
            query?: {
                /** @description The team whose connection this is; leave out for the account default. */
                team_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PsaSettingsWrite"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PsaSettingsRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    delete_settings_api_v1_integrations_psa_delete: {
        parameters: {
            query?: {
                /** @description The team whose connection this is; leave out for the account default. */
                team_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    activity_api_v1_integrations_psa_activity_get: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                state?: ("queued" | "sending" | "sent" | "failed") | null;
                /** @description The team whose connection this is; leave out for the account default. */
                team_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_PushRead_"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    discover_api_v1_integrations_psa_discover_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiscoverIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscoverRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_members_api_v1_integrations_psa_members_get: {
        parameters: {
            query?: {
                /** @description The team whose connection this is; leave out for the account default. */
                team_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembersRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    set_member_api_v1_integrations_psa_members__user_id__put: {
        parameters: {
            query?: {
                /** @description The team whose connection this is; leave out for the account default. */
                team_id?: string | null;
            };
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberLinkIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembersRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_providers_api_v1_integrations_psa_providers_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderRead"][];
                };
            };
        };
    };
    test_connection_api_v1_integrations_psa_test_post: {
        parameters: {
            query?: {
                /** @description The team whose connection this is; leave out for the account default. */
                team_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PsaSettingsWrite"] | null;
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestResult"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_invites_api_v1_invites_get: {
        parameters: {
            query?: {
                status?: "pending" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_InviteRead_"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    revoke_invite_api_v1_invites__invite_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invite_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resend_invite_api_v1_invites__invite_id__resend_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invite_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteIssued"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_jobs_api_v1_jobs_get: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                /** @description Repeat for several. */
                state?: components["schemas"]["JobState"][] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobPage"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_job_api_v1_jobs__job_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    retry_job_api_v1_jobs__job_id__retry_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_documents_api_v1_knowledge_documents_get: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                /** @description Contains this text */
                q?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_KnowledgeDocumentRead_"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    upload_document_api_v1_knowledge_documents_post: {
        parameters: {
            query: {
                filename: string;
                title?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocumentDetail"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_document_api_v1_knowledge_documents__document_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocumentDetail"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    delete_document_api_v1_knowledge_documents__document_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    reindex_document_api_v1_knowledge_documents__document_id__reindex_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocumentRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    knowledge_gaps_api_v1_knowledge_gaps_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GapPage"];
                };
            };
        };
    };
    draft_for_gap_api_v1_knowledge_gaps_draft_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GapDraftIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GapDrafted"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_batches_api_v1_maintenance_batches_get: {
        parameters: {
            query?: {
                /** @description Only batches with a target assigned to the caller */
                assigned_to_me?: boolean;
                cursor?: string | null;
                limit?: number;
                schedule_id?: string | null;
                status?: ("running" | "completed" | "cancelled") | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchPage"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    launch_batch_api_v1_maintenance_batches_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_batch_api_v1_maintenance_batches__batch_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    cancel_batch_api_v1_maintenance_batches__batch_id__cancel_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchCancelIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    set_client_tickets_api_v1_maintenance_batches__batch_id__client_tickets_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientTicketsIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    claim_item_api_v1_maintenance_batches__batch_id__items__item_id__claim_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchItemRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    fail_item_api_v1_maintenance_batches__batch_id__items__item_id__fail_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
                item_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemReasonIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchItemRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    skip_item_api_v1_maintenance_batches__batch_id__items__item_id__skip_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
                item_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemReasonIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchItemRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    batch_report_api_v1_maintenance_batches__batch_id__report_get: {
        parameters: {
            query?: {
                /** @description `client` leaves out internal notes, command output and names */
                audience?: "internal" | "client";
                /** @description `summary`: problem, outcome and summary only; `standard`: the ticket note; `full`: the note and every timeline entry */
                detail?: "summary" | "standard" | "full";
                /** @description `pdf`: branded, 503 when the PDF renderer is not installed */
                format?: "markdown" | "html" | "pdf";
                /** @description Why it is fetched: `preview` (shown in the app) records nothing; a client report fetched to `download` leaves the server and records a redaction report per session. */
                intent?: "download" | "preview";
                /** @description `strict` also masks IP addresses, email addresses and phone numbers, whatever the account's settings */
                redaction?: "standard" | "strict";
                /** @description `false` leaves every time of day out of the note */
                timestamps?: boolean;
            };
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": unknown;
                    "text/html; charset=utf-8": unknown;
                    "text/markdown; charset=utf-8": unknown;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    stream_batch_api_v1_maintenance_batches__batch_id__stream_get: {
        parameters: {
            query?: {
                /** @description Close after this many seconds (at most RESOLUTIONFLOW_SSE_MAX_STREAM_S); clients reconnect */
                max_seconds?: number;
            };
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": unknown;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_schedules_api_v1_maintenance_schedules_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceScheduleList"];
                };
            };
        };
    };
    create_schedule_api_v1_maintenance_schedules_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MaintenanceScheduleCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceScheduleRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_schedule_api_v1_maintenance_schedules__schedule_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schedule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceScheduleRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    delete_schedule_api_v1_maintenance_schedules__schedule_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schedule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    update_schedule_api_v1_maintenance_schedules__schedule_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schedule_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MaintenanceScheduleUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceScheduleRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    run_schedule_now_api_v1_maintenance_schedules__schedule_id__run_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schedule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    schedule_agenda_api_v1_maintenance_schedules_agenda_get: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceAgenda"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_me_api_v1_me_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeRead"];
                };
            };
        };
    };
    update_me_api_v1_me_patch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    change_password_api_v1_me_password_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_sessions_api_v1_me_sessions_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_SignInRead_"];
                };
            };
        };
    };
    revoke_session_api_v1_me_sessions__sign_in_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sign_in_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    revoke_other_sessions_api_v1_me_sessions_revoke_others_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RevokeOtherSignIns"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInsRevoked"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_tokens_api_v1_me_tokens_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ApiTokenRead_"];
                };
            };
        };
    };
    create_token_api_v1_me_tokens_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiTokenCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenCreated"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    revoke_token_api_v1_me_tokens__token_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_notifications_api_v1_notifications_get: {
        parameters: {
            query?: {
                limit?: number;
                unread_only?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    mark_read_api_v1_notifications_read_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["MarkRead"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    stream_notifications_api_v1_notifications_stream_get: {
        parameters: {
            query?: {
                /** @description Close after this many seconds (at most the server's RESOLUTIONFLOW_SSE_MAX_STREAM_S, 5 minutes by default); clients reconnect */
                max_seconds?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": unknown;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_proposals_api_v1_proposals_get: {
        parameters: {
            query?: {
                status?: "open" | "approved" | "dismissed" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalPage"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_proposal_api_v1_proposals__proposal_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposal_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    approve_proposal_api_v1_proposals__proposal_id__approve_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposal_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Approved"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    comment_proposal_api_v1_proposals__proposal_id__comments_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposal_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    dismiss_proposal_api_v1_proposals__proposal_id__dismiss_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposal_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    reject_proposal_api_v1_proposals__proposal_id__reject_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposal_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    proposal_counts_api_v1_proposals_counts_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalCounts"];
                };
            };
        };
    };
    run_flywheel_api_v1_proposals_run_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunStarted"];
                };
            };
        };
    };
    retry_push_api_v1_psa_pushes__push_id__retry_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                push_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    search_tickets_api_v1_psa_tickets_get: {
        parameters: {
            query?: {
                /** @description Number or words */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketSummaryRead"][];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    create_ticket_api_v1_psa_tickets_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send the same key when retrying: the PSA then holds one ticket however often the request arrives. */
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketCreateIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketCreated"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ticket_desk_api_v1_psa_tickets_desk_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskRead"];
                };
            };
        };
    };
    ticket_options_api_v1_psa_tickets_options_get: {
        parameters: {
            query?: {
                board_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OptionsRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ticket_queue_api_v1_psa_tickets_queue_get: {
        parameters: {
            query?: {
                board_id?: string | null;
                company_id?: string | null;
                page?: number;
                page_size?: number;
                priority_id?: string | null;
                q?: string;
                status?: string | null;
                view?: "mine" | "team";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    triage_ticket_api_v1_psa_tickets_triage_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TriageIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriageRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    public_share_api_v1_public_shares__token__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicShareView"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    preview_api_v1_redaction_preview_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewRequest"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreviewResponse"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_schedules_api_v1_schedules_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleRead"][];
                };
            };
        };
    };
    preview_schedule_api_v1_schedules_preview_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SchedulePreviewIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchedulePreview"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_scripts_api_v1_scripts_get: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Contains this text */
                q?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScriptPage"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    create_script_api_v1_scripts_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScriptCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScriptRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_script_api_v1_scripts__script_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                script_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScriptRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    replace_script_api_v1_scripts__script_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                script_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScriptUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScriptRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    delete_script_api_v1_scripts__script_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                script_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    render_script_api_v1_scripts__script_id__render_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                script_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RenderIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenderOut"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    draft_script_api_v1_scripts_draft_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DraftIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftOut"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_sessions_api_v1_sessions_get: {
        parameters: {
            query?: {
                cursor?: string | null;
                flow_id?: string | null;
                limit?: number;
                /** @description How ended sessions ended (`workaround` sessions have status resolved) */
                outcome?: ("resolved" | "workaround" | "unresolved" | "abandoned") | null;
                /** @description Contains this text */
                q?: string | null;
                scope?: "mine" | "team" | "all";
                since?: string | null;
                status?: ("active" | "paused" | "escalated" | "resolved" | "unresolved" | "abandoned") | null;
                ticket_id?: string | null;
                until?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_SessionSummary_"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    start_session_api_v1_sessions_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionCreated"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_session_api_v1_sessions__session_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetail"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    upload_attachment_api_v1_sessions__session_id__attachments_post: {
        parameters: {
            query: {
                filename: string;
            };
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    download_attachment_api_v1_sessions__session_id__attachments__attachment_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachment_id: string;
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": unknown;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    remove_attachment_api_v1_sessions__session_id__attachments__attachment_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachment_id: string;
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ask_copilot_api_v1_sessions__session_id__copilot_messages_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CopilotMessageIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The reply; with `Accept: text/event-stream`, the same reply streamed as server-sent events (`delta`, `reset`, then `reply`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CopilotReply"];
                    "text/event-stream": unknown;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    session_documentation_api_v1_sessions__session_id__documentation_get: {
        parameters: {
            query?: {
                /** @description `summary`: problem, outcome and summary only; `standard`: the ticket note; `full`: the note and every timeline entry */
                detail?: "summary" | "standard" | "full";
                format?: "markdown" | "text" | "html" | "pdf";
                /** @description Why the note is fetched. Every intent but `preview` (the live panel beside the session) is an outbound send and records a redaction report. */
                intent?: "export" | "copy" | "download" | "preview";
                /** @description `strict` also masks IP addresses, email addresses and phone numbers, whatever the account's settings */
                redaction?: "standard" | "strict";
                /** @description `false` leaves every time of day out of the note */
                timestamps?: boolean;
            };
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": unknown;
                    "text/html; charset=utf-8": unknown;
                    "text/markdown; charset=utf-8": unknown;
                    "text/plain; charset=utf-8": unknown;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    escalate_api_v1_sessions__session_id__escalate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EscalateIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    append_event_api_v1_sessions__session_id__events_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerIn"] | components["schemas"]["CheckIn"] | components["schemas"]["NoteIn"] | components["schemas"]["CommandOutputIn"] | components["schemas"]["BackIn"] | components["schemas"]["SwitchFlowIn"] | components["schemas"]["PauseIn"] | components["schemas"]["ResumeIn"] | components["schemas"]["ResolveIn"] | components["schemas"]["MarkUnresolvedIn"] | components["schemas"]["AbandonIn"] | components["schemas"]["AcceptSuggestionIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventsAppended"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_model_images_api_v1_sessions__session_id__model_images_get: {
        parameters: {
            query?: {
                resend_images?: boolean;
            };
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelImagesRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    park_api_v1_sessions__session_id__park_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParkIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParkedRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_pilot_api_v1_sessions__session_id__pilot_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PilotState"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    add_fact_api_v1_sessions__session_id__pilot_facts_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FactIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    edit_fact_api_v1_sessions__session_id__pilot_facts__fact_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fact_id: string;
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FactPatch"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    add_fix_api_v1_sessions__session_id__pilot_fixes_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FixIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FixRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    edit_fix_api_v1_sessions__session_id__pilot_fixes__fix_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fix_id: string;
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FixPatch"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FixRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    next_step_api_v1_sessions__session_id__pilot_next_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepResult"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    answer_step_api_v1_sessions__session_id__pilot_steps__step_id__answer_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                step_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StepAnswerIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepResult"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    revisit_step_api_v1_sessions__session_id__pilot_steps__step_id__revisit_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                step_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RevisitIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepResult"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    edit_triage_api_v1_sessions__session_id__pilot_triage_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TriagePatch"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PilotState"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    session_psa_api_v1_sessions__session_id__psa_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionPsaRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    preview_push_api_v1_sessions__session_id__psa_preview_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["resolutionflow__psa__schemas__PreviewRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    push_api_v1_sessions__session_id__psa_push_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PushIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    link_ticket_api_v1_sessions__session_id__psa_ticket_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkTicketIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    session_redaction_reports_api_v1_sessions__session_id__redaction_reports_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedactionReportRead"][];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resolution_package_api_v1_sessions__session_id__resolution_package_get: {
        parameters: {
            query?: {
                /** @description `pdf`: the three parts as a branded PDF */
                format?: "json" | "pdf";
                /** @description Write it anew even when nothing changed since the last one */
                refresh?: boolean;
            };
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResolutionPackage"];
                    "application/pdf": unknown;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    read_scratchpad_api_v1_sessions__session_id__scratchpad_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScratchpadRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    save_scratchpad_api_v1_sessions__session_id__scratchpad_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScratchpadWrite"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScratchpadRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_shares_api_v1_sessions__session_id__shares_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ShareRead_"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    create_share_api_v1_sessions__session_id__shares_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShareCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareCreated"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    revoke_share_api_v1_sessions__session_id__shares__share_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                share_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    spin_off_api_v1_sessions__session_id__spin_off_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send the same key when retrying: the PSA then holds one ticket however often the request arrives. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SpinOffIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpinOffRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    status_update_api_v1_sessions__session_id__status_update_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StatusUpdateIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusUpdate"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    stream_session_api_v1_sessions__session_id__stream_get: {
        parameters: {
            query?: {
                /** @description Last seq the client has */
                after?: number | null;
                /** @description Close after this many seconds (at most the server's RESOLUTIONFLOW_SSE_MAX_STREAM_S, 5 minutes by default); clients reconnect */
                max_seconds?: number;
            };
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": unknown;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    account_share_api_v1_shares__token__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetail"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    account_share_documentation_api_v1_shares__token__documentation_get: {
        parameters: {
            query?: {
                format?: "markdown" | "text" | "html";
            };
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html; charset=utf-8": unknown;
                    "text/markdown; charset=utf-8": unknown;
                    "text/plain; charset=utf-8": unknown;
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_steps_api_v1_steps_get: {
        parameters: {
            query?: {
                category?: string | null;
                cursor?: string | null;
                kind?: ("question" | "action" | "check" | "script_ref") | null;
                limit?: number;
                /** @description Contains this text */
                q?: string | null;
                sort?: "relevance" | "rating" | "uses" | "updated" | "title";
                tag?: string | null;
                team_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepPage"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    create_step_api_v1_steps_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StepCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_step_api_v1_steps__library_step_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                library_step_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    replace_step_api_v1_steps__library_step_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                library_step_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StepUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    delete_step_api_v1_steps__library_step_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                library_step_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    flag_step_api_v1_steps__library_step_id__flags_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                library_step_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlagCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    rate_step_api_v1_steps__library_step_id__rating_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                library_step_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_step_ratings_api_v1_steps__library_step_id__ratings_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                library_step_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingPage"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    step_facets_api_v1_steps_facets_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepFacets"];
                };
            };
        };
    };
    list_step_flags_api_v1_steps_flags_get: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                status?: ("open" | "resolved" | "dismissed") | null;
                step_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagPage"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    dismiss_step_flag_api_v1_steps_flags__flag_id__dismiss_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flag_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["FlagClose"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resolve_step_flag_api_v1_steps_flags__flag_id__resolve_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flag_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["FlagClose"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    suggest_steps_api_v1_steps_suggestions_get: {
        parameters: {
            query: {
                limit?: number;
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepSuggestionPage"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_target_lists_api_v1_target_lists_get: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetListPage"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    create_target_list_api_v1_target_lists_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TargetListCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetListRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_target_list_api_v1_target_lists__target_list_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                target_list_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetListRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    replace_target_list_api_v1_target_lists__target_list_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                target_list_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TargetListUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetListRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    delete_target_list_api_v1_target_lists__target_list_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                target_list_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    preview_target_csv_api_v1_target_lists_csv_preview_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CsvPreviewIn"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CsvPreview"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    psa_configurations_api_v1_target_lists_psa_configurations_get: {
        parameters: {
            query: {
                /** @description The company's id in the PSA */
                company_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PsaConfigurationImport"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_teams_api_v1_teams_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_TeamRead_"];
                };
            };
        };
    };
    create_team_api_v1_teams_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TeamCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_team_api_v1_teams__team_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDetail"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    delete_team_api_v1_teams__team_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    update_team_api_v1_teams__team_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TeamUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDetail"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    add_member_api_v1_teams__team_id__members__user_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    remove_member_api_v1_teams__team_id__members__user_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    list_users_api_v1_users_get: {
        parameters: {
            query?: {
                /** @description From `next_cursor` */
                cursor?: string | null;
                include_inactive?: boolean;
                /** @description Items per page */
                limit?: number;
                /** @description Contains this text */
                q?: string | null;
                role?: components["schemas"]["Role"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_UserRead_"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    create_user_api_v1_users_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCreated"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    get_user_api_v1_users__user_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    update_user_api_v1_users__user_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    sign_out_everywhere_api_v1_users__user_id__sign_out_everywhere_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SignOutEverywhere"];
            };
        };
        responses: {
            /** @description A problem: not signed in (401), not allowed (403), not found or another account's (404), a conflict (409), too large (413), invalid (422), too many requests (429) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
