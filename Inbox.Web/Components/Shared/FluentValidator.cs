using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Inbox.Web.Components.Shared;

/// <summary>
/// Puts a FluentValidation validator behind an EditForm (static or interactive): the whole model on submit,
/// one field as it changes. Messages go where ValidationMessage and MudBlazor's inputs (For=) look for them.
/// </summary>
public sealed class FluentValidator<TModel> : ComponentBase, IDisposable
{
    [CascadingParameter] private EditContext? EditContext { get; set; }
    [Inject] private IValidator<TModel> Validator { get; set; } = null!;

    private EditContext? _context;
    private ValidationMessageStore? _messages;

    protected override void OnParametersSet()
    {
        if (EditContext is null) throw new InvalidOperationException($"{nameof(FluentValidator<TModel>)} goes inside an EditForm.");
        if (ReferenceEquals(EditContext, _context)) return;
        Dispose();
        _context = EditContext;
        _messages = new ValidationMessageStore(_context);
        _context.OnValidationRequested += ValidateModel;
        _context.OnFieldChanged += ValidateField;
    }

    private void ValidateModel(object? sender, ValidationRequestedEventArgs e)
    {
        _messages!.Clear();
        foreach (var error in Validator.Validate((TModel)_context!.Model).Errors)
            _messages.Add(_context.Field(error.PropertyName), error.ErrorMessage);
        _context.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        _messages!.Clear(field);
        foreach (var error in Validator.Validate((TModel)_context!.Model).Errors.Where(x => x.PropertyName == field.FieldName))
            _messages.Add(field, error.ErrorMessage);
        _context.NotifyValidationStateChanged();
    }

    public void Dispose()
    {
        if (_context is null) return;
        _context.OnValidationRequested -= ValidateModel;
        _context.OnFieldChanged -= ValidateField;
        _messages?.Clear();
    }
}
