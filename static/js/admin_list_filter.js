'use strict';
// The admin's autocomplete list filters (core.admin_filters.AutocompleteFilter): choosing
// a row reloads the list filtered by it, clearing the box shows every row again.
{
    const $ = django.jQuery;
    $(function() {
        $('select[data-list-filter]').on('change', function() {
            const query = new URLSearchParams(this.dataset.query);
            if (this.value) {
                query.set(this.dataset.listFilter, this.value);
            }
            window.location.search = query.toString();
        });
    });
}
