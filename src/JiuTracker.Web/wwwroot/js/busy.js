// Buttons that start a long operation show that something is happening and cannot be pressed twice.
// Without JavaScript the forms work as plain forms; this only adds to them.
//
// <form data-busy="Uploading…">: the pressed button says so, with a spinner, until the next page arrives; a second
// press is ignored.
// <form data-download>: the file is fetched in the page, the button busy until it has arrived, then saved under the
// server's name. Anything but a file (a message about the form) is shown as the plain form would show it.
(() => {
    'use strict';

    const busyClass = 'is-busy';

    function setBusy(button, text) {
        if (!button || button.classList.contains(busyClass)) return;
        button.dataset.idleHtml = button.innerHTML;
        button.classList.add(busyClass);
        button.setAttribute('aria-disabled', 'true');
        button.innerHTML = '<span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>';
        button.append(document.createTextNode(text));
        announce(button.form, text);
    }

    function setIdle(form) {
        for (const button of form.querySelectorAll('.' + busyClass)) {
            button.classList.remove(busyClass);
            button.removeAttribute('aria-disabled');
            button.innerHTML = button.dataset.idleHtml;
        }
        delete form.dataset.submitting;
        announce(form, '');
    }

    // One live region per form, so a screen reader hears what the button now says (not a "status": the page's own
    // status message is the one that tells the outcome).
    function announce(form, text) {
        let region = form.querySelector('.busy-status');
        if (!region) {
            region = document.createElement('span');
            region.className = 'busy-status visually-hidden';
            region.setAttribute('aria-live', 'polite');
            form.append(region);
        }
        region.textContent = text;
    }

    function fileName(response) {
        const disposition = response.headers.get('Content-Disposition') || '';
        const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
        if (encoded) return decodeURIComponent(encoded[1]);
        const plain = /filename="?([^";]+)"?/i.exec(disposition);
        return plain ? plain[1] : null;
    }

    async function download(form, submitter, url) {
        try {
            const response = await fetch(url, { credentials: 'same-origin' });
            const name = response.ok ? fileName(response) : null;
            if (!name) {
                window.location.assign(url);
                return;
            }
            const link = document.createElement('a');
            link.href = URL.createObjectURL(await response.blob());
            link.download = name;
            document.body.append(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(link.href), 60000);
            setIdle(form);
        } catch {
            window.location.assign(url);
        }
    }

    document.addEventListener('submit', event => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !(form.hasAttribute('data-busy') || form.hasAttribute('data-download'))) return;
        if (form.dataset.submitting) {
            event.preventDefault();
            return;
        }
        const submitter = event.submitter || form.querySelector('[type=submit]');
        form.dataset.submitting = 'true';
        if (form.hasAttribute('data-download') && form.method.toLowerCase() === 'get') {
            event.preventDefault();
            const data = new FormData(form, event.submitter || undefined);
            const url = new URL(form.action || window.location.href, window.location.href);
            url.search = new URLSearchParams(data).toString();
            setBusy(submitter, form.dataset.download || 'Preparing the file…');
            download(form, submitter, url.toString());
            return;
        }
        setBusy(submitter, form.dataset.busy);
    });

    // A page shown again from the back button is not busy any more.
    window.addEventListener('pageshow', () => {
        for (const form of document.querySelectorAll('form[data-submitting]')) setIdle(form);
    });
})();
